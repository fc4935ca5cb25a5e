namespace ProcMan.Output;

/// <summary>Counts the lines and bytes a process wrote, across its streams and restarts.</summary>
internal sealed class LineCounter : ILineObserver
{
    private long _lines;
    private long _bytes;

    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>The bytes of the lines, newlines included, prefixes not.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public Action? OnLines(in OutputChunk chunk)
    {
        Interlocked.Add(ref _lines, chunk.LineCount);
        Interlocked.Add(ref _bytes, chunk.Length);
        return null;
    }
}
