namespace ProcMan.Output;

/// <summary>
/// The one owner of ProcMan's stdout: takes chunks off the channel in order, decorates each
/// line, and writes through a large buffer that is flushed whenever the channel runs empty, so
/// a flood costs few system calls and a lone line still goes out at once.
/// </summary>
/// <remarks>
/// When writing fails, the drain keeps taking chunks and drops them, so no child blocks on a
/// full channel while ProcMan stops everything; <see cref="Failure"/> tells why.
/// </remarks>
public sealed class OutputDrain(OutputChannel input, Stream output, LinePrefixer prefixer, Logs.LogHub? logs = null)
{
    private const int BufferSize = 64 * 1024;
    private const int MaxTimestampLength = 32;

    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly TaskCompletionSource<OutputFailure> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _buffered;

    /// <summary>Completes if and when writing fails; never faults.</summary>
    public Task<OutputFailure> Failure => _failure.Task;

    /// <summary>Runs until the channel is completed and everything in it has been written.</summary>
    public async Task RunAsync()
    {
        while (await input.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (input.Reader.TryRead(out var chunk))
            {
                try
                {
                    logs?.Publish(chunk);
                    if (!_failure.Task.IsCompleted)
                        Write(chunk);
                }
                catch (IOException exception)
                {
                    _failure.TrySetResult(OutputFailure.From(exception));
                }
                finally
                {
                    input.Consumed(chunk);
                }
            }
            Flush();
        }
        logs?.Complete();
    }

    private void Write(in OutputChunk chunk)
    {
        if (prefixer.IsVerbatim)
        {
            Append(chunk.Lines);
            return;
        }
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        timestamp = timestamp[..prefixer.FormatTimestamp(chunk.Time, timestamp)];
        var prefix = prefixer.PrefixOf(chunk.Source);
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            var length = lines.IndexOf((byte)'\n') + 1;
            Append(timestamp);
            Append(prefix);
            Append(lines[..length]);
            lines = lines[length..];
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
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

    private void Flush()
    {
        try
        {
            if (!_failure.Task.IsCompleted)
            {
                FlushBuffer();
                output.Flush();
            }
        }
        catch (IOException exception)
        {
            _failure.TrySetResult(OutputFailure.From(exception));
        }
    }

    private void FlushBuffer()
    {
        if (_buffered == 0)
            return;
        var count = _buffered;
        _buffered = 0; // A failed write is not retried: the output is gone either way.
        output.Write(_buffer, 0, count);
    }
}
