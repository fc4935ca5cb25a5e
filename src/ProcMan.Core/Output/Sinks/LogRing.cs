using System.Buffers;

namespace ProcMan.Output;

/// <summary>
/// The last lines about one process (its own, and ProcMan's events about it), or of ProcMan's
/// events about no process, for <see cref="LogHub"/> (which holds the lock). The lines are
/// kept in the chunks' own buffers, rented from the pool, and given back when they fall out, so
/// a flood costs neither a copy nor the garbage collector anything; they are copied out only
/// when someone asks for them.
/// </summary>
/// <remarks>
/// A line longer than <see cref="MaxLineLength"/> is kept truncated, its end replaced by a
/// marker saying how much is missing (<see cref="TruncationMarker"/>), in an array of its own:
/// the ring is for a look at what a process said, and a 20 MB line must not pin 20 MB (or the
/// pooled buffer it came in) for as long as it is among the last lines.
/// </remarks>
internal sealed class LogRing(string name, int maxLineLength = LogRing.DefaultMaxLineLength)
{
    /// <summary>64 KiB: a long JSON document or stack trace whole, and still 16 such lines in the default ring.</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    private readonly Queue<Kept> _chunks = new();
    private int _lines;
    private long _bytes;

    // The line whose pieces are coming in: its first bytes, and how many more there were.
    private byte[]? _open;
    private int _openLength;
    private long _openDropped;
    private DateTimeOffset _openTime;

    /// <summary>The process the lines are about (see <see cref="LogEntry.SubjectOf"/>).</summary>
    public string Name { get; } = name;

    public int MaxLineLength { get; } = maxLineLength > 0 ? maxLineLength : throw new ArgumentOutOfRangeException(nameof(maxLineLength));

    /// <summary>
    /// Keeps <paramref name="chunk"/>, taking its buffer over, and lets the oldest chunks go.
    /// Returns the lines kept from it (none for a piece of a line not yet complete), valid until
    /// the next call.
    /// </summary>
    public ReadOnlySpan<byte> Add(long sequence, in OutputChunk chunk, int maxLines, long maxBytes)
    {
        var kept = chunk.Part == LinePart.Whole ? KeepLines(sequence, chunk) : KeepPiece(sequence, chunk);
        if (kept is not { } newest)
            return default;
        _chunks.Enqueue(newest);
        _lines += newest.LineCount;
        _bytes += newest.Buffer.Length;
        // Keep whole chunks while the ones after the oldest still hold enough lines, and drop
        // the oldest while the ring is over its size (the newest chunk always stays). Buffers
        // count whole, not just the lines in them: that is the memory they hold.
        while (_chunks.Count > 1 && (_lines - _chunks.Peek().LineCount >= maxLines || _bytes > maxBytes))
        {
            var oldest = _chunks.Dequeue();
            _lines -= oldest.LineCount;
            _bytes -= oldest.Buffer.Length;
            oldest.Return();
        }
        return newest.Buffer.AsSpan(0, newest.Length);
    }

    /// <summary>Forgets every line kept, giving their buffers back.</summary>
    public void Clear()
    {
        while (_chunks.TryDequeue(out var oldest))
            oldest.Return();
        _lines = 0;
        _bytes = 0;
        _open = null;
    }

    /// <summary>Copies of the last <paramref name="count"/> lines, oldest first.</summary>
    public List<LogEntry> LastLines(int count)
    {
        var result = new List<LogEntry>();
        foreach (var kept in _chunks.Reverse())
        {
            if (count <= 0)
                break;
            var entry = new LogEntry(kept.Sequence, kept.Source, kept.Stream, kept.Time, kept.Buffer.AsSpan(0, kept.Length).ToArray(), kept.Details);
            if (kept.LineCount <= count)
            {
                result.Add(entry);
                count -= kept.LineCount;
                continue;
            }
            // Only the end of this chunk is wanted.
            var tail = entry.EachLine().TakeLast(count).SelectMany(line => line.ToArray().Append((byte)'\n')).ToArray();
            result.Add(new LogEntry(kept.Sequence, kept.Source, kept.Stream, kept.Time, tail, kept.Details));
            count = 0;
        }
        result.Reverse();
        return result;
    }

    private Kept KeepLines(long sequence, in OutputChunk chunk)
    {
        // No line can be over the limit in a chunk this short, and a flood's chunks are: kept as they are.
        if (chunk.Length <= MaxLineLength + 1 || !HasLineOverLimit(chunk.Lines))
            return new Kept(sequence, chunk.Source, chunk.Stream, chunk.Time, chunk.Buffer, chunk.Length, chunk.LineCount, chunk.Pooled, chunk.Details);
        var truncated = new ArrayBufferWriter<byte>(MaxLineLength);
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            var length = lines.IndexOf((byte)'\n');
            var line = lines[..length];
            var cut = Utf8Boundary.Cut(line, MaxLineLength);
            truncated.Write(line[..cut]);
            if (cut < line.Length)
                truncated.Write(TruncationMarker.For(line.Length - cut));
            truncated.Write("\n"u8);
            lines = lines[(length + 1)..];
        }
        chunk.Release();
        var buffer = truncated.WrittenSpan.ToArray();
        return new Kept(sequence, chunk.Source, chunk.Stream, chunk.Time, buffer, buffer.Length, chunk.LineCount, Pooled: false, chunk.Details);
    }

    private bool HasLineOverLimit(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var length = lines.IndexOf((byte)'\n');
            if (length > MaxLineLength)
                return true;
            lines = lines[(length + 1)..];
        }
        return false;
    }

    /// <summary>Takes a piece of a long line: its first bytes are kept, the rest only counted, until its last piece.</summary>
    private Kept? KeepPiece(long sequence, in OutputChunk chunk)
    {
        if (chunk.Part == LinePart.First || _open is null)
        {
            _open = new byte[MaxLineLength];
            _openLength = 0;
            _openDropped = 0;
            _openTime = chunk.Time;
        }
        var bytes = chunk.Part == LinePart.Last ? chunk.Lines[..^1] : chunk.Lines;
        if (_openDropped == 0)
        {
            var cut = Utf8Boundary.Cut(bytes, MaxLineLength - _openLength);
            bytes[..cut].CopyTo(_open.AsSpan(_openLength));
            _openLength += cut;
            bytes = bytes[cut..];
        }
        _openDropped += bytes.Length;
        chunk.Release();
        if (chunk.Part != LinePart.Last)
            return null;

        var marker = _openDropped > 0 ? TruncationMarker.For(_openDropped) : [];
        var line = new byte[_openLength + marker.Length + 1];
        _open.AsSpan(0, _openLength).CopyTo(line);
        marker.CopyTo(line.AsSpan(_openLength));
        line[^1] = (byte)'\n';
        _open = null;
        return new Kept(sequence, chunk.Source, chunk.Stream, _openTime, line, line.Length, LineCount: 1, Pooled: false, Details: null);
    }

    private readonly record struct Kept(long Sequence, OutputSource Source, OutputStream Stream, DateTimeOffset Time, byte[] Buffer, int Length, int LineCount, bool Pooled, OutputDetails? Details)
    {
        public void Return()
        {
            if (Pooled)
                ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
