using System.Threading.Channels;

namespace ProcMan.Output;

/// <summary>
/// The one path from the children (and ProcMan's own events) to the drain. The children's
/// chunks are bounded by a budget in bytes: a full budget makes the pumps wait, their pipes
/// fill, and the children slow down; nothing is ever dropped. ProcMan's own events go in at
/// once, whatever the budget, so each one lands exactly where it was logged: "sending SIGTERM"
/// before the child's answer to it, even while a flood fills the budget.
/// </summary>
public sealed class OutputChannel(long byteBudget = OutputChannel.DefaultByteBudget)
{
    /// <summary>64 MiB: room for a few huge lines at once, and a ceiling on memory whatever the children write.</summary>
    public const long DefaultByteBudget = 64L * 1024 * 1024;

    /// <summary>
    /// What a chunk costs at least: so small chunks are bounded in number too (1024 with the
    /// default budget), enough to ride out a burst, few enough that a slow console soon slows
    /// the children.
    /// </summary>
    public const int MinimumChunkCost = 64 * 1024;

    // Unbounded, because the budget bounds it: an event can then always be written at once.
    // Not single-reader: whoever holds the drain's role reads, one at a time, and any writer
    // may look (see OutputDrain).
    private readonly Channel<OutputChunk> _channel = Channel.CreateUnbounded<OutputChunk>(new UnboundedChannelOptions
    {
        AllowSynchronousContinuations = false,
    });

    private readonly ByteBudget _budget = new(byteBudget);
    private volatile Action<bool>? _written;
    private volatile bool _complete;

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
    /// Has <paramref name="written"/> called after every write and at the end, on the writer's
    /// thread, with whether that writer may write to the console itself (a pump may; ProcMan's
    /// events and the end may not, as their writers must never block on the console).
    /// </summary>
    public void Listen(Action<bool> written) => _written = written;

    /// <summary>For the pumps: waits for room in the budget.</summary>
    public ValueTask WriteAsync(OutputChunk chunk)
    {
        if (!IsBudgeted(chunk))
        {
            Add(chunk, writerMayWrite: false);
            return ValueTask.CompletedTask;
        }
        var room = _budget.AcquireAsync(CostOf(chunk));
        if (!room.IsCompletedSuccessfully)
            return AddOnceThereIsRoomAsync(room, chunk);
        Add(chunk, writerMayWrite: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>For ProcMan's own events: never waits; false only once the channel is complete.</summary>
    public bool TryWrite(OutputChunk chunk)
    {
        if (IsBudgeted(chunk) || !_channel.Writer.TryWrite(chunk))
            return false;
        _written?.Invoke(false);
        return true;
    }

    private async ValueTask AddOnceThereIsRoomAsync(ValueTask room, OutputChunk chunk)
    {
        await room.ConfigureAwait(false);
        // This runs on whichever thread freed the room, which must not end up writing to the
        // console: the drain's own thread writes this one.
        Add(chunk, writerMayWrite: false);
    }

    private void Add(OutputChunk chunk, bool writerMayWrite)
    {
        if (!_channel.Writer.TryWrite(chunk))
            throw new ChannelClosedException();
        _written?.Invoke(writerMayWrite);
    }

    /// <summary>For the drain, once it has written (or dropped) a chunk: frees its room and its buffer.</summary>
    public void Consumed(in OutputChunk chunk)
    {
        ConsumedKeepingBuffer(chunk);
        chunk.Release();
    }

    /// <summary>As <see cref="Consumed"/>, for a drain that hands the buffer on (to the log hub): frees the room only.</summary>
    public void ConsumedKeepingBuffer(in OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            _budget.Release(CostOf(chunk));
    }

    /// <summary>No more chunks: every writer has finished.</summary>
    public void Complete()
    {
        _channel.Writer.TryComplete();
        _complete = true;
        _written?.Invoke(false);
    }

    private static bool IsBudgeted(in OutputChunk chunk) => chunk.Stream != OutputStream.ProcMan;

    private static long CostOf(in OutputChunk chunk) => Math.Max(chunk.Length, MinimumChunkCost);
}
