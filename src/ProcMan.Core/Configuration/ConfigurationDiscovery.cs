using System.Text.RegularExpressions;

namespace ProcMan.Configuration;

/// <summary>
/// Which configuration file to read when the command line names none: the first of
/// <see cref="Candidates"/> in the directory, where a <c>compose.*</c> file counts only when it
/// has a top-level <c>processes:</c> key (a Docker Compose file is not ours).
/// </summary>
internal static partial class ConfigurationDiscovery
{
    /// <summary>The names looked for, in order: ProcMan's own, then process-compose's, then a Procfile.</summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "procfile.yml",
        "procfile.yaml",
        "process-compose.yml",
        "process-compose.yaml",
        "compose.yml",
        "compose.yaml",
        "Procfile",
    ];

    /// <summary>
    /// The override files merged over a discovered file, in order of preference, by the
    /// discovered file's name: process-compose's for its files (any of them beside any of its
    /// files, as process-compose looks), <c>procfile.override.*</c> for ProcMan's. A Procfile has none.
    /// </summary>
    private static readonly string[] ProcessComposeOverrides =
    [
        "compose.override.yml", "compose.override.yaml", "process-compose.override.yml", "process-compose.override.yaml",
    ];

    private static readonly string[] ProcManOverrides = ["procfile.override.yml", "procfile.override.yaml"];

    /// <summary>
    /// The files to read when the command line names none: the one <see cref="Find"/> chooses,
    /// then the first override file beside it, merged over it. As in process-compose, a file
    /// named on the command line gets no override: name it with another <c>-f</c>.
    /// </summary>
    /// <exception cref="ConfigurationException">No candidate exists (the error lists what was looked for).</exception>
    public static IReadOnlyList<string> FindWithOverride(string directory = ".")
    {
        var found = Find(directory);
        var overrides = Path.GetFileName(found) switch
        {
            "procfile.yml" or "procfile.yaml" => ProcManOverrides,
            "Procfile" => [],
            _ => ProcessComposeOverrides,
        };
        var directoryOfFound = Path.GetDirectoryName(found) ?? string.Empty;
        return overrides.Select(name => directoryOfFound.Length == 0 ? name : Path.Combine(directoryOfFound, name)).FirstOrDefault(File.Exists) is { } over
            ? [found, over]
            : [found];
    }

    /// <summary>The file <see cref="Find"/> would choose, or null when there is none.</summary>
    public static string? FindExisting(string directory = ".")
    {
        try
        {
            return Find(directory);
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    /// <summary>The file to read in <paramref name="directory"/>, as a path relative to it when the directory is the current one.</summary>
    /// <exception cref="ConfigurationException">No candidate exists (the error lists what was looked for).</exception>
    public static string Find(string directory = ".")
    {
        var skipped = new List<string>();
        foreach (var name in Candidates)
        {
            // Bare in the current directory, so errors read "procfile.yml:3:5" as before.
            var path = directory == "." ? name : Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                continue;
            }

            if (name.StartsWith("compose.", StringComparison.Ordinal) && !HasProcesses(path))
            {
                skipped.Add(name);
                continue;
            }

            return path;
        }

        var message = $"no configuration file found: looked for {string.Join(", ", Candidates)}";
        if (skipped.Count > 0)
        {
            message += $"; skipped {string.Join(" and ", skipped)}: no top-level processes: key, so a Docker Compose file, not ProcMan's";
        }

        var errors = new ErrorCollector();
        errors.Add(Path.GetFullPath(directory), message + "; name one with -f FILE");
        throw new ConfigurationException(errors.Errors);
    }

    private static bool HasProcesses(string path) =>
        BoundedFileReader.Read(path, out _) is { } text && TopLevelProcesses().IsMatch(text);

    // A key at column 0, optionally quoted: enough to tell process-compose's file from Docker's,
    // whose top level has services:, never processes:.
    [GeneratedRegex("""^["']?processes["']?[ \t]*:""", RegexOptions.Multiline)]
    private static partial Regex TopLevelProcesses();
}
