using System.Buffers;
using System.IO.Pipelines;

namespace ProcMan.Output;

/// <summary>
/// Reads one raw stream of a child and writes its lines, as the exact bytes, into the output
/// channel. Lines are split on <c>\n</c> only, so a <c>\r</c> progress bar stays one line.
/// </summary>
/// <remarks>
/// A line longer than <see cref="MaxLineLength"/> bytes is written as several lines of exactly
/// that many bytes (the last one shorter), so memory stays bounded and no byte is lost. A final
/// piece without a newline is written as a line of its own when the stream ends.
/// </remarks>
public sealed class LinePump(
    OutputSource source,
    OutputStream stream,
    OutputChannel output,
    int maxLineLength = LinePump.DefaultMaxLineLength,
    IReadOnlyList<ILineObserver>? observers = null)
{
    /// <summary>16 MiB: enough for any real log line, JSON documents included.</summary>
    public const int DefaultMaxLineLength = 16 * 1024 * 1024;

    private long _progress;
    private volatile bool _waitingForInput;

    public int MaxLineLength { get; } = maxLineLength > 0 ? maxLineLength : throw new ArgumentOutOfRangeException(nameof(maxLineLength));

    /// <summary>Goes up with every read and every write: unchanged over a while means stalled or idle.</summary>
    public long Progress => Interlocked.Read(ref _progress);

    /// <summary>
    /// Waiting for the child to write (or finished): all it had written is in the channel. False
    /// while it works on a read or waits for room in the channel.
    /// </summary>
    public bool IsWaitingForInput => _waitingForInput;

    /// <summary>
    /// Pumps until the stream ends. <paramref name="abandon"/> gives up on a stream that a
    /// descendant keeps open (the method then throws <see cref="OperationCanceledException"/>);
    /// it stops the reading only, so lines already read still reach the channel.
    /// </summary>
    public async Task RunAsync(Stream input, CancellationToken abandon = default)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                _waitingForInput = true;
                var result = await reader.ReadAsync(abandon).ConfigureAwait(false);
                _waitingForInput = false;
                Interlocked.Increment(ref _progress);
                var buffer = result.Buffer;

                if (EndOfLastLine(buffer) is { } end)
                {
                    await WriteLinesAsync(buffer.Slice(0, end)).ConfigureAwait(false);
                    buffer = buffer.Slice(end);
                }
                while (buffer.Length > MaxLineLength)
                {
                    await WriteAsync(buffer.Slice(0, MaxLineLength), addNewline: true).ConfigureAwait(false);
                    buffer = buffer.Slice(MaxLineLength);
                }
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                        await WriteAsync(buffer, addNewline: true).ConfigureAwait(false);
                    return;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            _waitingForInput = true;
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask WriteLinesAsync(ReadOnlySequence<byte> lines)
    {
        if (lines.Length <= MaxLineLength)
        {
            // The common case: no line in here can be too long.
            await WriteAsync(lines, addNewline: false).ConfigureAwait(false);
            return;
        }
        while (!lines.IsEmpty)
        {
            var newline = lines.PositionOf((byte)'\n')!.Value;
            var line = lines.Slice(0, newline);
            while (line.Length > MaxLineLength)
            {
                await WriteAsync(line.Slice(0, MaxLineLength), addNewline: true).ConfigureAwait(false);
                line = line.Slice(MaxLineLength);
            }
            await WriteAsync(line, addNewline: true).ConfigureAwait(false);
            lines = lines.Slice(lines.GetPosition(1, newline));
        }
    }

    private ValueTask WriteAsync(ReadOnlySequence<byte> bytes, bool addNewline)
    {
        var chunk = OutputChunk.Copy(source, stream, bytes, addNewline);
        // Before the write: once in the channel, the chunk belongs to the drain.
        Action? afterWrite = null;
        foreach (var observer in observers ?? [])
            afterWrite += observer.OnLines(chunk.Lines);
        return WriteThenAsync(chunk, afterWrite);
    }

    private async ValueTask WriteThenAsync(OutputChunk chunk, Action? afterWrite)
    {
        await output.WriteAsync(chunk).ConfigureAwait(false);
        Interlocked.Increment(ref _progress);
        afterWrite?.Invoke();
    }

    /// <summary>The position just after the last <c>\n</c> in <paramref name="buffer"/>, if any.</summary>
    private static SequencePosition? EndOfLastLine(in ReadOnlySequence<byte> buffer)
    {
        long offset = 0, end = -1;
        foreach (var segment in buffer)
        {
            var index = segment.Span.LastIndexOf((byte)'\n');
            if (index >= 0)
                end = offset + index + 1;
            offset += segment.Length;
        }
        return end < 0 ? null : buffer.GetPosition(end);
    }
}
