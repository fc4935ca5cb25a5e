namespace ProcMan.Output;

/// <summary>How lines are decorated on their way out.</summary>
/// <param name="Colors">Colour the prefixes with SGR escapes.</param>
/// <param name="Timestamps">Local time (<see cref="TimestampPattern"/>) before the name.</param>
/// <param name="Raw">The child's bytes only: no name, no timestamp.</param>
internal sealed record OutputFormat(bool Colors = false, bool Timestamps = false, bool Raw = false)
{
    /// <summary>The console's: the time of day, short enough to read along.</summary>
    public const string TimeOfDay = "HH:mm:ss.fff";

    /// <summary>The log files': they are appended to across days, so the date is needed.</summary>
    public const string DateAndTime = "yyyy-MM-dd HH:mm:ss.fff";

    public string TimestampPattern { get; init; } = TimeOfDay;

    /// <summary>
    /// The console is a terminal: show what it would show of <c>\r</c> lines and unfinished
    /// ones (<see cref="TerminalLineFormat"/>), rather than the exact bytes.
    /// </summary>
    public bool Terminal { get; init; }

    /// <summary>Write <c>name | </c> before each line (a per-process log file does without).</summary>
    public bool Names { get; init; } = true;
}
