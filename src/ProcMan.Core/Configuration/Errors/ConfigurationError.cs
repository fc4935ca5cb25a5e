namespace ProcMan.Configuration;

/// <summary>
/// One problem in the configuration, located precisely enough for an editor to jump to it.
/// </summary>
/// <param name="File">The file at fault, as the user named it (or the option, e.g. <c>formation</c>).</param>
/// <param name="Line">1-based line, or null when the problem has no line (a missing file, a bad option).</param>
/// <param name="Column">1-based column, or null when there is none.</param>
/// <param name="Message">What is wrong, and when possible how to fix it.</param>
internal sealed record ConfigurationError(string File, int? Line, int? Column, string Message)
{
    internal static ConfigurationError At(SourcePosition position, string message) =>
        new(position.File, position.Line, position.Column, message);

    /// <summary>The compiler-style <c>FILE:LINE:COL: MESSAGE</c> that terminals and editors recognise.</summary>
    public override string ToString() => (Line, Column) switch
    {
        (int line, int column) => $"{File}:{line}:{column}: {Message}",
        (int line, null) => $"{File}:{line}: {Message}",
        _ => $"{File}: {Message}",
    };
}
