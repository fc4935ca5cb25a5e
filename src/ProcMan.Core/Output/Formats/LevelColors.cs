namespace ProcMan.Output;

/// <summary>
/// The SGR colours of ProcMan's events by level, so that failures stand out from the routine:
/// warnings yellow, errors red; information keeps the terminal's colour.
/// </summary>
internal static class LevelColors
{
    private static readonly byte[] Warning = "\e[33m"u8.ToArray();
    private static readonly byte[] Error = "\e[31m"u8.ToArray();

    public static ReadOnlySpan<byte> Reset => "\e[0m"u8;

    /// <summary>The colour for an <see cref="EventDetails.Level"/>, or null for information.</summary>
    public static byte[]? Of(string level) => level switch
    {
        "warning" => Warning,
        "error" => Error,
        _ => null,
    };
}
