using System.Threading.Channels;

namespace ProcMan.Output;

/// <summary>
/// The one path from the children (and ProcMan's own events) to the drain. The children's
/// chunks are bounded by a budget in bytes: a full budget makes the pumps wait, their pipes
/// fill, and the children slow down; nothing is ever dropped. ProcMan's own events go in at
/// once, whatever the budget, so each one lands exactly where it was logged: "sending SIGTERM"
/// before the child's answer to it, even while a flood fills the budget.
/// </summary>
/// <remarks>
/// A line too long for its pump comes in pieces (<see cref="LinePart"/>), and the channel keeps
/// them together: from a line's first piece to its last, the other streams' chunks wait (with no
/// room taken from the budget, which the line may need) and ProcMan's events are held, to follow
/// the line. So the console and the log files get the line whole, with one prefix. A child that
/// stops in the middle of a long line must not hold everyone else up, though: once others have
/// waited <see cref="StalledLine"/> while the line's child kept its pump waiting, or the line has passed
/// <see cref="LongestTurnBytes"/> while they wait (an endless line), and the line is not merely
/// waiting for the console, the line is ended there (with a newline the child did not write) and
/// its rest comes as a line of its own. The second bound is in bytes, not time: a line that
/// goes on arriving is never cut because the machine is slow. The writers that wait keep that
/// watch themselves, on the channel's clock: the channel has no thread or timer of its own, and
/// calls nobody; whoever writes tells the drain (<see cref="OutputInlet"/>).
/// </remarks>
internal sealed class OutputChannel(long byteBudget = OutputChannel.DefaultByteBudget, TimeProvider? time = null)
{
    /// <summary>How long a long line may make no progress while others wait for it (a second: a busy machine starves a writer for hundreds of milliseconds).</summary>
    public static readonly TimeSpan StalledLine = TimeSpan.FromSeconds(1);

    /// <summary>How much of one long line may pass while others wait for it: the channel's whole budget.</summary>
    public const long LongestTurnBytes = DefaultByteBudget;

    /// <summary>64 MiB: room for a few huge lines at once, and a ceiling on memory whatever the children write.</summary>
    public const long DefaultByteBudget = 64L * 1024 * 1024;

    /// <summary>
    /// What a chunk costs at least: so small chunks are bounded in number too (1024 with the
    /// default budget), enough to ride out a burst, few enough that a slow console soon slows
    /// the children.
    /// </summary>
    public const int MinimumChunkCost = 64 * 1024;

    // Unbounded, because the budget bounds it: an event can then always be written at once.
    // Not single-reader: whoever holds the drain's role reads, one at a time (see DrainRole).
    private readonly Channel<OutputChunk> _channel = Channel.CreateUnbounded<OutputChunk>(new UnboundedChannelOptions
    {
        AllowSynchronousContinuations = false,
    });

    private readonly ByteBudget _budget = new(byteBudget);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private volatile bool _complete;

    // Whose long line is going through (null: nobody's), and what waits for its end. Every
    // budgeted write takes this lock, so no chunk can slip in between two pieces.
    private readonly object _gate = new();
    private (OutputSource Source, OutputStream Stream)? _longLine;
    private TaskCompletionSource? _lineEnded;
    private readonly List<OutputChunk> _heldEvents = [];
    // Streams whose long line was ended for them: their next piece begins a line.
    private readonly List<(OutputSource Source, OutputStream Stream)> _cut = [];
    // Since when the long line's pump has been waiting for its child (null: it is not).
    private long? _lineIdleSince;
    private long _passedWhileOthersWait;

    public ChannelReader<OutputChunk> Reader => _channel.Reader;

    /// <summary>
    /// Something is waiting to be read. Counted, not peeked: a peek makes the queue under the
    /// channel keep its slots for the observer, so every peek during a flood made it allocate
    /// fresh ones (measured: 2.8 MB and a garbage collection per million lines).
    /// </summary>
    public bool HasPending => _channel.Reader.Count > 0;

    /// <summary>Nothing more will be written.</summary>
    public bool IsComplete => _complete;

    /// <summary>
    /// For the children's chunks: waits for room in the budget, and for another stream's long
    /// line to end. Completed at once (the common case) when the chunk went straight in.
    /// </summary>
    public ValueTask WriteAsync(OutputChunk chunk)
    {
        if (!IsBudgeted(chunk))
        {
            if (!_channel.Writer.TryWrite(chunk))
                throw new ChannelClosedException();
            return ValueTask.CompletedTask;
        }
        var room = _budget.AcquireAsync(CostOf(chunk));
        if (!room.IsCompletedSuccessfully)
            return AddOnceThereIsRoomAsync(room, chunk);
        return TryAddInTurn(chunk, out var lineEnded) ? ValueTask.CompletedTask : AddOnceItIsItsTurnAsync(lineEnded, chunk);
    }

    /// <summary>For ProcMan's own events: never waits; false only once the channel is complete.</summary>
    public bool TryWrite(OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            return false;
        lock (_gate)
        {
            if (_longLine is not null && !_complete)
            {
                _heldEvents.Add(chunk);
                return true;
            }
            return _channel.Writer.TryWrite(chunk);
        }
    }

    /// <summary>
    /// For the pump of the long line going through: it waits for its child to write more
    /// (<paramref name="waiting"/>), or has input again. Only a line whose child keeps it waiting
    /// is ever cut for a stall: a pump starved of the processor by a busy machine, or waiting
    /// for the console, is not the child's doing.
    /// </summary>
    public void LongLineWaits(OutputSource source, OutputStream stream, bool waiting)
    {
        lock (_gate)
        {
            if (_longLine == (source, stream))
                _lineIdleSince = waiting ? _time.GetTimestamp() : null;
        }
    }

    private async ValueTask AddOnceThereIsRoomAsync(ValueTask room, OutputChunk chunk)
    {
        await room.ConfigureAwait(false);
        if (!TryAddInTurn(chunk, out var lineEnded))
            await AddOnceItIsItsTurnAsync(lineEnded, chunk).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the long line in the way to end (holding no room meanwhile), then for room
    /// again. While it waits it watches the line: one that makes no progress for
    /// <see cref="StalledLine"/> is ended for it.
    /// </summary>
    private async ValueTask AddOnceItIsItsTurnAsync(Task lineEnded, OutputChunk chunk)
    {
        while (true)
        {
            var wait = StalledLine;
            while (!lineEnded.IsCompleted)
            {
                await Task.WhenAny(lineEnded, Task.Delay(wait, _time)).ConfigureAwait(false);
                if (!lineEnded.IsCompleted)
                    wait = CutIfStalled();
            }
            await _budget.AcquireAsync(CostOf(chunk)).ConfigureAwait(false);
            if (TryAddInTurn(chunk, out lineEnded))
                return;
        }
    }

    /// <summary>
    /// Adds a chunk that has its room, unless another stream's long line is going through:
    /// then gives the room back and returns, in <paramref name="lineEnded"/>, when to try again.
    /// </summary>
    private bool TryAddInTurn(OutputChunk chunk, out Task lineEnded)
    {
        lineEnded = Task.CompletedTask;
        var stream = (chunk.Source, chunk.Stream);
        lock (_gate)
        {
            if (_longLine is { } longLine && longLine != stream)
            {
                _budget.Release(CostOf(chunk));
                if (_lineEnded is null)
                {
                    _lineEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _passedWhileOthersWait = 0;
                }
                lineEnded = _lineEnded.Task;
                return false;
            }
            if (chunk.Part != LinePart.Whole && _cut.Remove(stream))
            {
                // The line was ended for it: what comes now begins one.
                chunk = chunk with { Part = chunk.Part == LinePart.Last ? LinePart.Whole : LinePart.First };
            }
            if (!_channel.Writer.TryWrite(chunk))
                throw new ChannelClosedException();
            if (chunk.Part is LinePart.First or LinePart.Middle)
            {
                _longLine = stream;
                _lineIdleSince = null;
                if (_lineEnded is not null && (_passedWhileOthersWait += chunk.Length) >= LongestTurnBytes)
                {
                    // An endless line: the others have waited for a whole budget of it.
                    _cut.Add(stream);
                    EndLineFor(stream);
                }
            }
            else if (chunk.Part == LinePart.Last)
            {
                EndLongLine();
            }
        }
        return true;
    }

    /// <summary>The long line is over: what it held up goes on. Under the lock.</summary>
    private void EndLongLine()
    {
        _longLine = null;
        foreach (var held in _heldEvents)
            _channel.Writer.TryWrite(held);
        _heldEvents.Clear();
        _lineEnded?.TrySetResult();
        _lineEnded = null;
    }

    /// <summary>
    /// Ends the long line in the way if its child has kept its pump waiting for
    /// <see cref="StalledLine"/>; returns how long to wait before looking again.
    /// </summary>
    private TimeSpan CutIfStalled()
    {
        lock (_gate)
        {
            if (_longLine is not { } longLine || _lineEnded is null || _complete || _lineIdleSince is not { } idleSince)
                return StalledLine;
            var stalledFor = _time.GetElapsedTime(idleSince);
            if (stalledFor < StalledLine)
                return StalledLine - stalledFor;
            _cut.Add(longLine);
            EndLineFor(longLine);
            return StalledLine;
        }
    }

    /// <summary>Ends a long line with a newline its child did not write. Under the lock.</summary>
    private void EndLineFor((OutputSource Source, OutputStream Stream) longLine)
    {
        var newline = OutputChunk.Copy(longLine.Source, longLine.Stream, "\n"u8, addNewline: false) with { Part = LinePart.Last };
        // Its room is taken whatever the budget: nothing may wait here, and it is one byte.
        _budget.Take(CostOf(newline));
        _channel.Writer.TryWrite(newline);
        EndLongLine();
    }

    /// <summary>For the drain, once it has written (or dropped) a chunk: frees its room. Its buffer is the drain's business.</summary>
    public void Consumed(in OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            _budget.Release(CostOf(chunk));
    }

    /// <summary>No more chunks: every writer has finished.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            // A pump given up on in the middle of a long line: the line ends, and what it held up follows.
            if (_longLine is { } longLine)
                EndLineFor(longLine);
            _channel.Writer.TryComplete();
            _complete = true;
        }
    }

    // A preview never waits, like an event: its timer must not block, and its line will be budgeted.
    private static bool IsBudgeted(in OutputChunk chunk) => chunk.Stream != OutputStream.ProcMan && chunk.Part != LinePart.Preview;

    private static long CostOf(in OutputChunk chunk) => Math.Max(chunk.Length, MinimumChunkCost);
}
