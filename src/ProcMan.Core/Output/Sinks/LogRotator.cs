using System.Globalization;
using System.IO.Compression;
using ProcMan.Configuration;

namespace ProcMan.Output;

/// <summary>
/// Rolls one log file over as process-compose's writer (lumberjack) does: the full file is renamed
/// <c>NAME-2006-01-02T15-04-05.000.EXT</c> (local time), then, in the background, gzipped if asked
/// and the rolled-over files past <c>max_backups</c> or <c>max_age_days</c> removed. A failure there
/// keeps the file as it is: nothing is lost but space.
/// </summary>
internal sealed class LogRotator(string path, LogRotation rotation, TimeProvider time)
{
    private const string StampFormat = "yyyy-MM-dd'T'HH-mm-ss.fff";
    private const string Compressed = ".gz";

    private readonly string _directory = Path.GetDirectoryName(path) ?? ".";
    private readonly string _prefix = Path.GetFileNameWithoutExtension(path) + "-";
    private readonly string _extension = Path.GetExtension(path);
    private Task _milling = Task.CompletedTask;

    public LogRotation Rotation => rotation;

    /// <summary>Whether writing <paramref name="adding"/> bytes to a file of <paramref name="size"/> bytes calls for a new file first.</summary>
    public bool IsDue(long size, int adding) => size > 0 && size + adding > rotation.MaxSizeBytes;

    /// <summary>Moves the (closed) file aside; returns the name it now has.</summary>
    public string Rotate()
    {
        var stamp = time.GetLocalNow().DateTime;
        var backup = BackupPath(stamp);
        // Two roll-overs in one millisecond: the later one takes the next free name.
        while (File.Exists(backup) || File.Exists(backup + Compressed))
        {
            stamp = stamp.AddMilliseconds(1);
            backup = BackupPath(stamp);
        }
        File.Move(path, backup);
        _milling = _milling.ContinueWith(_ => Mill(backup), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return backup;
    }

    /// <summary>Waits for the compression and clean-up under way, so that the files are complete when ProcMan exits.</summary>
    public void Finish() => _milling.Wait();

    /// <summary>The rolled-over files, newest first, with the time in their names.</summary>
    public IReadOnlyList<(string Path, DateTime Time)> Backups() =>
        Directory.EnumerateFiles(_directory, _prefix + "*")
            .Select(file => (Path: file, Time: TimeOf(Path.GetFileName(file))))
            .Where(backup => backup.Time is not null)
            .Select(backup => (backup.Path, backup.Time!.Value))
            .OrderByDescending(backup => backup.Value)
            .ToList();

    private string BackupPath(DateTime stamp) =>
        Path.Combine(_directory, _prefix + stamp.ToString(StampFormat, CultureInfo.InvariantCulture) + _extension);

    private DateTime? TimeOf(string name)
    {
        if (name.EndsWith(Compressed, StringComparison.Ordinal))
            name = name[..^Compressed.Length];
        if (!name.EndsWith(_extension, StringComparison.Ordinal) || name.Length != _prefix.Length + StampFormat.Length - 2 + _extension.Length)
            return null;
        var stamp = name[_prefix.Length..^_extension.Length];
        return DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    private void Mill(string backup)
    {
        try
        {
            if (rotation.Compress)
                Compress(backup);
            RemoveOld();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left as it is: a file not compressed or not removed loses nothing.
        }
    }

    private static void Compress(string backup)
    {
        var target = backup + Compressed;
        try
        {
            using (var source = File.OpenRead(backup))
            using (var destination = File.Create(target))
            using (var gzip = new GZipStream(destination, CompressionLevel.Optimal))
                source.CopyTo(gzip);
            File.Delete(backup);
        }
        catch (IOException)
        {
            File.Delete(target);
            throw;
        }
    }

    private void RemoveOld()
    {
        var cutoff = rotation.MaxAgeDays > 0 ? time.GetLocalNow().DateTime.AddDays(-rotation.MaxAgeDays) : DateTime.MinValue;
        var backups = Backups();
        for (var index = 0; index < backups.Count; index++)
        {
            var (file, stamp) = backups[index];
            if ((rotation.MaxBackups > 0 && index >= rotation.MaxBackups) || stamp < cutoff)
                File.Delete(file);
        }
    }
}
