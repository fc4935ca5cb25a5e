
namespace ProcMan.Output;

/// <summary>
/// A chunk of lines for a <c>procman logs</c> reader: an unpooled copy (the drain and the ring
/// recycle theirs), shared by every follower, never changed.
/// </summary>
/// <param name="Sequence">Its place in the order the drain wrote everything, to merge rings.</param>
/// <param name="Details">A ProcMan event's fields, for the socket's JSON lines.</param>
internal sealed record LogEntry(long Sequence, OutputSource Source, OutputStream Stream, DateTimeOffset Time, byte[] Lines, OutputDetails? Details = null)
{
    /// <summary>The process the lines are about, whose ring keeps them: see <see cref="SubjectOf"/>.</summary>
    public string Subject { get; } = SubjectOf(Source, Details);

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

    /// <summary>
    /// Who the lines are about: the process that wrote them, or for a ProcMan event the instance
    /// it names (<c>procman</c> for an event about no process).
    /// </summary>
    public static string SubjectOf(OutputSource source, OutputDetails? details) =>
        (details as EventDetails)?.Subject ?? source.Name;
}
