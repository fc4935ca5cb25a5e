using ProcMan.Configuration;

namespace ProcMan.Output;

/// <summary>
/// The <c>log_location</c> files of a run and which lines go where: the top-level file gets every
/// line (ProcMan's included) with its prefix; a process's file gets that process's lines, without
/// the prefix unless several instances (replicas, or processes naming the same file) share it.
/// Every line carries the date and time, unless the file's <c>log_configuration</c> says otherwise.
/// A file named twice is opened once, and gets each line once, with the settings of the first that
/// names it (the top level, then the processes in file order).
/// </summary>
internal sealed class LogFiles : IDisposable
{
    private static readonly LogFile[] None = [];

    private readonly List<LogFile> _files;
    private readonly LogFile? _everything;
    private readonly Dictionary<string, LogFile[]> _routes;

    private LogFiles(List<LogFile> files, LogFile? everything, Dictionary<string, LogFile[]> routes)
    {
        _files = files;
        _everything = everything;
        _routes = routes;
    }

    public IReadOnlyList<LogFile> Files => _files;

    /// <summary>
    /// Opens every file before anything starts, so that a bad path is an error, not a surprise;
    /// throws <see cref="IOException"/> (having closed what it opened).
    /// </summary>
    /// <param name="everything">The top-level <c>log_location</c> (absolute), if any.</param>
    /// <param name="instances">Every instance name with its process's <c>log_location</c> (absolute), if any.</param>
    /// <param name="everythingSettings">The top-level <c>log_configuration</c>.</param>
    /// <param name="instanceSettings">Each instance's process's <c>log_configuration</c>, by instance name.</param>
    public static LogFiles? Open(
        string? everything,
        IReadOnlyList<(string Instance, string? Path)> instances,
        LogSettings? everythingSettings = null,
        IReadOnlyDictionary<string, LogSettings>? instanceSettings = null,
        TimeProvider? time = null)
    {
        var writers = instances.Where(i => i.Path is not null).GroupBy(i => i.Path!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Instance).ToList(), StringComparer.Ordinal);
        if (everything is null && writers.Count == 0)
            return null;

        var names = instances.Select(i => i.Instance).ToList();
        var opened = new Dictionary<string, LogFile>(StringComparer.Ordinal);
        try
        {
            if (everything is not null)
                opened[everything] = Open(everything, names, withNames: true, everythingSettings ?? LogSettings.Default, time);
            foreach (var (path, writersOfFile) in writers)
            {
                if (!opened.ContainsKey(path))
                    opened[path] = Open(path, names, withNames: writersOfFile.Count > 1, instanceSettings?.GetValueOrDefault(writersOfFile[0]) ?? LogSettings.Default, time);
            }
        }
        catch (IOException)
        {
            foreach (var file in opened.Values)
                file.Dispose();
            throw;
        }

        var top = everything is null ? null : opened[everything];
        var routes = new Dictionary<string, LogFile[]>(StringComparer.Ordinal);
        foreach (var (instance, path) in instances)
            routes[instance] = new[] { top, path is null ? null : opened[path] }.OfType<LogFile>().Distinct().ToArray();
        routes[OutputSource.ProcManName] = top is null ? None : [top];
        return new LogFiles([.. opened.Values], top, routes);
    }

    /// <summary>The files <paramref name="source"/>'s lines go to.</summary>
    public IReadOnlyList<LogFile> For(OutputSource source) =>
        _routes.TryGetValue(source.Name, out var files) ? files : _everything is null ? None : [_everything];

    public void Dispose()
    {
        foreach (var file in _files)
            file.Dispose();
    }

    private static LogFile Open(string path, IEnumerable<string> names, bool withNames, LogSettings settings, TimeProvider? time) =>
        LogFile.Open(path, Prefixer(names, withNames && !settings.NoMetadata, settings), settings, time);

    private static LinePrefixer Prefixer(IEnumerable<string> names, bool withNames, LogSettings settings) =>
        new(new OutputFormat(Colors: false, Timestamps: settings.Timestamps)
        {
            TimestampPattern = settings.TimestampPattern ?? OutputFormat.DateAndTime,
            Names = withNames,
        }, names);
}
