namespace ProcMan.Output;

/// <summary>Sees a child's lines on their way into the channel (to spot a "ready" line, say).</summary>
internal interface ILineObserver
{
    /// <summary>
    /// Called with a chunk of one or more complete lines, each ending in <c>\n</c>, possibly
    /// from both of a child's streams at once. Must be quick: it runs on the pump's path.
    /// </summary>
    /// <returns>
    /// What to do once these lines are in the channel, or null. An observer that reports on a
    /// line (a "ready" event) reports from there, so that its report comes after the line.
    /// </returns>
    Action? OnLines(in OutputChunk chunk);
}
