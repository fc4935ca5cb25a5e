using System.Buffers;

namespace ProcMan.Output;

/// <summary>
/// A large write buffer over a stream, for the drain: a flood costs few system calls, and
/// <see cref="Flush"/> (called when the channel runs empty) still sends a lone line at once.
/// Also an <see cref="IBufferWriter{T}"/>, so a JSON writer can write into it directly.
/// </summary>
internal sealed class BufferedOutput(Stream output, int size = BufferedOutput.DefaultSize) : IBufferWriter<byte>
{
    public const int DefaultSize = 64 * 1024;

    private readonly byte[] _buffer = new byte[size];
    private int _buffered;

    // A span asked for that is larger than the whole buffer (a 10 MB line in JSON).
    private byte[]? _oversized;

    /// <summary>How many bytes wait for the next flush (a log file's size counts them).</summary>
    public int Buffered => _buffered;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _buffered)
        {
            FlushBuffer();
            if (bytes.Length > _buffer.Length)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += bytes.Length;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (sizeHint <= _buffer.Length - _buffered)
            return _buffer.AsMemory(_buffered);
        FlushBuffer();
        if (sizeHint <= _buffer.Length)
            return _buffer.AsMemory();
        ReturnOversized();
        _oversized = ArrayPool<byte>.Shared.Rent(sizeHint);
        return _oversized;
    }

    public void Advance(int count)
    {
        if (_oversized is { } oversized)
        {
            ReturnOversized();
            output.Write(oversized, 0, count);
            return;
        }
        _buffered += count;
    }

    /// <summary>Writes what is buffered and flushes the stream.</summary>
    public void Flush()
    {
        FlushBuffer();
        output.Flush();
    }

    /// <summary>Forgets what is buffered (after a failure: the output is gone either way).</summary>
    public void Discard() => _buffered = 0;

    private void FlushBuffer()
    {
        if (_buffered == 0)
            return;
        var count = _buffered;
        _buffered = 0; // A failed write is not retried: the output is gone either way.
        output.Write(_buffer, 0, count);
    }

    private void ReturnOversized()
    {
        if (_oversized is { } oversized)
        {
            _oversized = null;
            ArrayPool<byte>.Shared.Return(oversized);
        }
    }
}
