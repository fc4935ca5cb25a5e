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
    // Synchronous continuations: the drain waits on a thread of its own, so a write only wakes
    // that thread; nothing else waits on the reader.
    private readonly Channel<OutputChunk> _channel = Channel.CreateUnbounded<OutputChunk>(new UnboundedChannelOptions
    {
        SingleReader = true,
        AllowSynchronousContinuations = true,
    });

    private readonly ByteBudget _budget = new(byteBudget);

    public ChannelReader<OutputChunk> Reader => _channel.Reader;

    /// <summary>For the pumps: waits for room in the budget.</summary>
    public async ValueTask WriteAsync(OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            await _budget.AcquireAsync(CostOf(chunk)).ConfigureAwait(false);
        if (!_channel.Writer.TryWrite(chunk))
            throw new ChannelClosedException();
    }

    /// <summary>For ProcMan's own events: never waits; false only once the channel is complete.</summary>
    public bool TryWrite(OutputChunk chunk) => !IsBudgeted(chunk) && _channel.Writer.TryWrite(chunk);

    /// <summary>For the drain, once it has written (or dropped) a chunk: frees its room and its buffer.</summary>
    public void Consumed(in OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            _budget.Release(CostOf(chunk));
        chunk.Release();
    }

    /// <summary>No more chunks: every writer has finished.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private static bool IsBudgeted(in OutputChunk chunk) => chunk.Stream != OutputStream.ProcMan;

    private static long CostOf(in OutputChunk chunk) => Math.Max(chunk.Length, MinimumChunkCost);
}
