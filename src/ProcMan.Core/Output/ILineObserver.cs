namespace ProcMan.Output;

/// <summary>Sees a child's lines on their way into the channel (to spot a "ready" line, say).</summary>
public interface ILineObserver
{
    /// <summary>
    /// Called with one or more complete lines, each ending in <c>\n</c>, possibly from both of a
    /// child's streams at once. Must be quick: it runs on the pump's path.
    /// </summary>
    void OnLines(ReadOnlySpan<byte> lines);
}
