namespace ProcMan.Output;

/// <summary>Counts the lines and bytes a process wrote, across its streams and restarts.</summary>
public sealed class LineCounter : ILineObserver
{
    private long _lines;
    private long _bytes;

    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>The bytes of the lines, newlines included, prefixes not.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public Action? OnLines(ReadOnlySpan<byte> lines)
    {
        Interlocked.Add(ref _lines, lines.Count((byte)'\n'));
        Interlocked.Add(ref _bytes, lines.Length);
        return null;
    }
}
