using System.Buffers;
using ProcMan.Output;

namespace ProcMan.Logs;

/// <summary>
/// The last lines of one source, for <see cref="LogHub"/> (which holds the lock). The lines are
/// kept in the chunks' own buffers, rented from the pool, and given back when they fall out, so
/// a flood costs neither a copy nor the garbage collector anything; they are copied out only
/// when someone asks for them.
/// </summary>
internal sealed class LogRing(OutputSource source)
{
    private readonly Queue<Kept> _chunks = new();
    private int _lines;
    private long _bytes;

    public OutputSource Source { get; } = source;

    /// <summary>Keeps <paramref name="chunk"/>, taking its buffer over, and lets the oldest chunks go.</summary>
    public void Add(long sequence, in OutputChunk chunk, int maxLines, long maxBytes)
    {
        var kept = new Kept(sequence, chunk.Stream, chunk.Time, chunk.Buffer, chunk.Length, chunk.LineCount);
        _chunks.Enqueue(kept);
        _lines += kept.LineCount;
        _bytes += kept.Length;
        // Keep whole chunks while the ones after the oldest still hold enough lines, and drop
        // the oldest while the ring is over its size (the newest chunk always stays).
        while (_chunks.Count > 1 && (_lines - _chunks.Peek().LineCount >= maxLines || _bytes > maxBytes))
        {
            var oldest = _chunks.Dequeue();
            _lines -= oldest.LineCount;
            _bytes -= oldest.Length;
            ArrayPool<byte>.Shared.Return(oldest.Buffer);
        }
    }

    /// <summary>Copies of the last <paramref name="count"/> lines, oldest first.</summary>
    public List<LogEntry> LastLines(int count)
    {
        var result = new List<LogEntry>();
        foreach (var kept in _chunks.Reverse())
        {
            if (count <= 0)
                break;
            var entry = new LogEntry(kept.Sequence, Source, kept.Stream, kept.Time, kept.Buffer.AsSpan(0, kept.Length).ToArray());
            if (kept.LineCount <= count)
            {
                result.Add(entry);
                count -= kept.LineCount;
                continue;
            }
            // Only the end of this chunk is wanted.
            var tail = entry.EachLine().TakeLast(count).SelectMany(line => line.ToArray().Append((byte)'\n')).ToArray();
            result.Add(new LogEntry(kept.Sequence, Source, kept.Stream, kept.Time, tail));
            count = 0;
        }
        result.Reverse();
        return result;
    }

    private readonly record struct Kept(long Sequence, OutputStream Stream, DateTimeOffset Time, byte[] Buffer, int Length, int LineCount);
}
