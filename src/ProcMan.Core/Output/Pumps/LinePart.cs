namespace ProcMan.Output;

/// <summary>
/// What of a line a chunk holds. Most chunks hold whole lines; a line longer than a pump keeps
/// in memory goes through in pieces, one line's bytes per chunk, one after the other.
/// </summary>
internal enum LinePart
{
    /// <summary>One or more whole lines, each ending in <c>\n</c>.</summary>
    Whole,

    /// <summary>The beginning of a line, without <c>\n</c>: more of it follows.</summary>
    First,

    /// <summary>More of the line, without <c>\n</c>: more follows still.</summary>
    Middle,

    /// <summary>The end of the line, ending in <c>\n</c>.</summary>
    Last,

    /// <summary>
    /// For a terminal only: a copy of a line still unfinished after a while (a prompt, a progress
    /// bar), to show now. The line itself comes later, whole, as usual; the drain gives this to
    /// the console only (see <see cref="PartialLineWatch"/>).
    /// </summary>
    Preview,
}
