namespace ProcMan.Configuration;

/// <summary>
/// <c>log_configuration.rotation</c>, as process-compose's rolling writer (lumberjack) has it: when
/// the file would pass <paramref name="MaxSizeBytes"/>, it is renamed
/// <c>NAME-2006-01-02T15-04-05.000.EXT</c> (local time) and a new one begun.
/// </summary>
/// <param name="MaxSizeBytes">The size a file is rolled over at (<c>max_size_mb</c>, 100 MB when absent or 0).</param>
/// <param name="MaxBackups">How many rolled-over files to keep, newest first (<c>max_backups</c>); 0 keeps all.</param>
/// <param name="MaxAgeDays">Rolled-over files older than this many days are removed (<c>max_age_days</c>); 0 keeps them.</param>
/// <param name="Compress">Rolled-over files are gzipped (<c>compress</c>), as <c>NAME-...EXT.gz</c>.</param>
internal sealed record LogRotation(long MaxSizeBytes, int MaxBackups, int MaxAgeDays, bool Compress)
{
    /// <summary>lumberjack's default size.</summary>
    public const int DefaultMaxSizeMegabytes = 100;

    public const long BytesPerMegabyte = 1024 * 1024;
}
