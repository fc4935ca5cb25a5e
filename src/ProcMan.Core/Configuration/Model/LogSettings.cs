namespace ProcMan.Configuration;

/// <summary>
/// A <c>log_configuration</c>: how one <c>log_location</c> file is written. The top-level one is
/// for the top-level file, a process's own for its file, as in process-compose.
/// </summary>
internal sealed record LogSettings
{
    /// <summary>No <c>log_configuration</c>: dated lines, appended, flushed when the output runs quiet.</summary>
    public static readonly LogSettings Default = new();

    /// <summary><c>rotation</c>: the file is rolled over by size, or null to let it grow.</summary>
    public LogRotation? Rotation { get; init; }

    /// <summary><c>no_color</c>: ANSI escape sequences are removed from the lines written to the file.</summary>
    public bool NoColor { get; init; }

    /// <summary><c>add_timestamp</c>: false drops the date and time before each line, which ProcMan writes by default.</summary>
    public bool Timestamps { get; init; } = true;

    /// <summary><c>timestamp_format</c> converted to a .NET pattern, or null for ProcMan's <c>yyyy-MM-dd HH:mm:ss.fff</c>.</summary>
    public string? TimestampPattern { get; init; }

    /// <summary><c>flush_each_line</c>: every batch of lines reaches the file before the next is written.</summary>
    public bool FlushEachLine { get; init; }

    /// <summary><c>no_metadata</c>: no <c>name | </c> before the lines, even in a file several processes share.</summary>
    public bool NoMetadata { get; init; }
}
