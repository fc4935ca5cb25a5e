
namespace ProcMan.Output;

/// <summary>
/// A chunk of lines for a <c>procman logs</c> reader: an unpooled copy (the drain and the ring
/// recycle theirs), shared by every follower, never changed.
/// </summary>
/// <param name="Sequence">Its place in the order the drain wrote everything, to merge rings.</param>
internal sealed record LogEntry(long Sequence, OutputSource Source, OutputStream Stream, DateTimeOffset Time, byte[] Lines)
{
    public int LineCount { get; } = Lines.AsSpan().Count((byte)'\n');

    /// <summary>The lines, each without its <c>\n</c>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> EachLine()
    {
        var start = 0;
        while (start < Lines.Length)
        {
            var end = Array.IndexOf(Lines, (byte)'\n', start);
            yield return Lines.AsMemory(start, end - start);
            start = end + 1;
        }
    }
}
