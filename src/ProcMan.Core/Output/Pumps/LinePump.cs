using System.Buffers;
using System.Runtime.CompilerServices;
using ProcMan.Processes;

namespace ProcMan.Output;

/// <summary>
/// Reads one raw stream of a child and writes its lines, as the exact bytes, into the output
/// channel. Lines are split on <c>\n</c> only, so a <c>\r</c> progress bar stays one line.
/// </summary>
/// <remarks>
/// <para>
/// A line is held until its end up to <see cref="MaxLineLength"/> bytes; a longer one goes on
/// in pieces of that length (<see cref="LinePart"/>, cut between UTF-8 characters) as it is
/// read, so a pump holds at most about twice that, whatever the line, and no byte is lost or
/// added. The channel keeps a line's pieces together. A final piece without a newline is ended
/// with one when the stream ends. Buffers beyond a flood's size are not pooled, so memory goes
/// back once a burst of long lines is over.
/// </para>
/// <para>
/// Each pump runs on a thread of its own, blocked in <c>read(2)</c> while the child is quiet and
/// blocked on the channel while the console lags. Measured against asynchronous reads (which go
/// through the runtime's epoll thread and then the thread pool for every read), this costs a
/// tenth less CPU in a flood and keeps the thread pool out of the path of every line.
/// </para>
/// </remarks>
internal sealed class LinePump(
    OutputSource source,
    OutputStream stream,
    OutputInlet output,
    int maxLineLength = LinePump.DefaultMaxLineLength,
    IReadOnlyList<ILineObserver>? observers = null,
    TimeSpan? partialLineDelay = null,
    TimeProvider? time = null)
{
    /// <summary>1 MiB: any real log line whole, JSON documents included; longer ones stream through.</summary>
    public const int DefaultMaxLineLength = 1024 * 1024;

    /// <summary>The buffer a pump starts with: a quiet child costs little.</summary>
    private const int InitialBufferSize = 4 * 1024;

    /// <summary>What the buffer grows to while reads fill it: a whole pipe's worth, for a flood. Larger ones are for long lines only.</summary>
    private const int FloodBufferSize = OutputChunk.LargestPooled;

    /// <summary>
    /// A read this large means the child writes in bulk (a stdio buffer is 4 KiB), not line by line.
    /// </summary>
    private const int BulkRead = 4 * 1024;

    /// <summary>
    /// Room for what a child writing flat out (about 200 MB/s) writes in the millisecond the pump
    /// lets it run ahead.
    /// </summary>
    private const int RunAheadPipeSize = 256 * 1024;

    // An array: a foreach over the interface would allocate for every chunk.
    private readonly ILineObserver[] _observers = observers?.ToArray() ?? [];
    private volatile bool _waitingForInput;
    private bool? _canRunAhead;
    private CancellationToken _abandon;
    // _buffer[_start.._end] has been read but not written: the beginning of a line (or the rest
    // of one whose pieces have gone out already, if _inLongLine). Flood-sized buffers come from
    // the pool, as a chunk may take one over; larger ones (for long lines) do not.
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _inLongLine;
    // The last read ended a line: what is held now is another one (for the partial-line watch).
    private bool _endedLine;

    /// <summary>Only when the output is a terminal: shows an unfinished line that stays so (a prompt).</summary>
    private readonly PartialLineWatch? _partials = partialLineDelay is { } delay
        ? new PartialLineWatch(source, stream, output, delay, time ?? TimeProvider.System)
        : null;

    /// <summary>
    /// <c>disable_ansi_colors</c>: escape sequences are removed from the lines, in their buffer,
    /// before anyone sees them. Only the pumps of a process that asks pay for it.
    /// </summary>
    public bool StripAnsi { get; init; }

    public int MaxLineLength { get; } = maxLineLength > 0 ? maxLineLength : throw new ArgumentOutOfRangeException(nameof(maxLineLength));

    /// <summary>
    /// Waiting for the child to write (or finished): all it had written is in the channel. False
    /// while it works on a read or waits for room in the channel.
    /// </summary>
    public bool IsWaitingForInput => _waitingForInput;

    /// <summary>
    /// Pumps until the stream ends. <paramref name="abandon"/> gives up on a stream that a
    /// descendant keeps open: the task is cancelled at once, and the pump writes nothing more
    /// (ProcMan may be writing its summary by then).
    /// </summary>
    public Task RunAsync(Stream input, CancellationToken abandon = default)
    {
        _abandon = abandon;
        // A blocked read(2) cannot be interrupted: the thread ends after its next read, writing nothing more.
        return DedicatedThread.Run("procman pump", 256 * 1024, () => Pump(input)).WaitAsync(abandon);
    }

    private void Pump(Stream input)
    {
        _buffer = Rent(InitialBufferSize);
        _start = _end = 0;
        try
        {
            while (true)
            {
                if (_buffer.Length - _end < _buffer.Length / 4)
                    MakeRoom();
                _waitingForInput = true;
                // Told in a long line only: the channel cuts a line for a stall only while its child keeps the pump waiting.
                var inLongLine = _inLongLine;
                if (inLongLine)
                    output.LongLineWaits(source, stream, waiting: true);
                // A long line's pieces go out as they come: nothing held to show.
                _partials?.BeforeRead(_buffer, _start, inLongLine ? _start : _end, _endedLine);
                var read = input.Read(_buffer, _end, _buffer.Length - _end);
                _partials?.AfterRead();
                if (inLongLine)
                    output.LongLineWaits(source, stream, waiting: false);
                _waitingForInput = false;
                if (_abandon.IsCancellationRequested)
                    return;
                if (read == 0)
                {
                    if (_inLongLine)
                        WritePiece(_buffer.AsSpan(_start, _end - _start), LinePart.Last, addNewline: true);
                    else if (_end > _start)
                        Write(_buffer.AsSpan(_start, _end - _start), addNewline: true);
                    return;
                }
                Take(read, input);
            }
        }
        finally
        {
            _waitingForInput = true;
            _partials?.Dispose();
            Return(_buffer);
        }
    }

    /// <summary>
    /// Writes what a read completed. A method of its own, not inlined: the spans it makes into a
    /// buffer it may let go of end with it, instead of lingering in the loop's frame (where the
    /// garbage collector sees them) while the next read waits, maybe for good.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Take(int read, Stream input)
    {
        // What was there before holds no newline, so only the new bytes are searched.
        var lastNewline = _buffer.AsSpan(_end, read).LastIndexOf((byte)'\n');
        _endedLine = lastNewline >= 0;
        _end += read;
        // The read filled the buffer, so more is waiting: read more at once next time.
        var filled = _end == _buffer.Length;
        var wanted = filled && _buffer.Length < FloodBufferSize ? _buffer.Length * 2 : _buffer.Length;
        if (lastNewline >= 0)
        {
            var endOfLines = _end - read + lastNewline + 1;
            if (_inLongLine)
            {
                // The long line ends in what was just read: its last piece goes first.
                var endOfLine = _end - read + _buffer.AsSpan(_end - read, read).IndexOf((byte)'\n') + 1;
                WritePiece(_buffer.AsSpan(_start, endOfLine - _start), LinePart.Last, addNewline: false);
                _start = endOfLine;
            }
            if (_start == 0 && endOfLines >= _buffer.Length / 2 && _buffer.Length <= FloodBufferSize)
            {
                // Mostly lines (a flood): the chunk takes the buffer over, which saves
                // copying it; the unfinished line moves to a fresh one.
                var lines = _buffer;
                _buffer = Rent(wanted);
                lines.AsSpan(endOfLines, _end - endOfLines).CopyTo(_buffer);
                _end -= endOfLines;
                Send(new OutputChunk(source, stream, lines, endOfLines, DateTimeOffset.UtcNow));
            }
            else if (endOfLines > _start)
            {
                Write(_buffer.AsSpan(_start, endOfLines - _start), addNewline: false);
                _start = endOfLines;
            }
        }
        // The unfinished line is too long to hold: on with it, in pieces.
        while (_end - _start > MaxLineLength)
        {
            var piece = Utf8Boundary.Cut(_buffer.AsSpan(_start, _end - _start), MaxLineLength);
            WritePiece(_buffer.AsSpan(_start, piece), _inLongLine ? LinePart.Middle : LinePart.First, addNewline: false);
            _start += piece;
        }
        if (_start == _end)
        {
            _start = _end = 0;
            if (_buffer.Length > FloodBufferSize)
            {
                // After a long line, give its memory back.
                Resize(FloodBufferSize);
                wanted = FloodBufferSize;
                MemoryTrim.AfterBurst();
            }
        }
        if (_buffer.Length < wanted)
            Resize(wanted);
        else if (!filled && read >= BulkRead && CanLetChildRunAhead(input))
            Thread.Sleep(1);
    }

    /// <summary>
    /// A child writing in bulk would wake the pump for every write, each wake-up costing both
    /// sides more than the write. Instead the pump sleeps a millisecond between reads while the
    /// child fills its pipe, once the pipe has room for that. A child writing a line now and then
    /// never reads this large, so its lines still come through at once.
    /// </summary>
    private bool CanLetChildRunAhead(Stream input) =>
        _canRunAhead ??= input is IGrowablePipe pipe && pipe.TryGrow(RunAheadPipeSize);

    /// <summary>Moves the unfinished line to the front, and grows the buffer if it still lacks room.</summary>
    private void MakeRoom()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_buffer.Length - _end < _buffer.Length / 4)
            Resize(_buffer.Length * 2);
    }

    /// <summary>Swaps the buffer for one of <paramref name="size"/> bytes, keeping the unfinished line, at the front.</summary>
    private void Resize(int size)
    {
        var resized = Rent(size);
        _buffer.AsSpan(_start, _end - _start).CopyTo(resized);
        Return(_buffer);
        _buffer = resized;
        _end -= _start;
        _start = 0;
    }

    private static byte[] Rent(int size) =>
        size <= FloodBufferSize ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    private static void Return(byte[] buffer)
    {
        if (buffer.Length <= FloodBufferSize)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private void WritePiece(ReadOnlySpan<byte> bytes, LinePart part, bool addNewline)
    {
        _inLongLine = part != LinePart.Last;
        if (!_abandon.IsCancellationRequested)
            Send(OutputChunk.Copy(source, stream, bytes, addNewline) with { Part = part });
    }

    private void Write(ReadOnlySpan<byte> bytes, bool addNewline)
    {
        // Abandoned meanwhile: ProcMan may be past its last line already.
        if (!_abandon.IsCancellationRequested)
            Send(OutputChunk.Copy(source, stream, bytes, addNewline));
    }

    /// <summary>Puts <paramref name="chunk"/> in the channel, which then owns its buffer.</summary>
    private void Send(OutputChunk chunk)
    {
        if (_abandon.IsCancellationRequested)
        {
            chunk.Release();
            return;
        }
        // Stripping never removes a newline, so the chunk's line count holds.
        if (StripAnsi)
            chunk = chunk with { Length = AnsiEscapes.Strip(chunk.Buffer.AsSpan(0, chunk.Length)) };
        // Before the write: once in the channel, the chunk belongs to the drain.
        Action? afterWrite = null;
        foreach (var observer in _observers)
            afterWrite += observer.OnLines(chunk);
        output.Write(chunk); // This thread is the pump's own: it may wait for room.
        afterWrite?.Invoke();
    }
}
