using System.Threading.Channels;

namespace ProcMan.Output;

/// <summary>
/// The one path from the children (and ProcMan's own events) to the drain: a channel in Wait
/// mode bounded both in chunks and in bytes. A full channel makes the pumps wait, their pipes
/// fill, and the children slow down; nothing is ever dropped.
/// </summary>
public sealed class OutputChannel(int capacity = OutputChannel.DefaultCapacity, long byteBudget = OutputChannel.DefaultByteBudget)
{
    /// <summary>Chunks, not lines: enough to ride out a burst, few enough that a slow console soon slows the children.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>64 MiB: room for a few huge lines at once, and a ceiling on memory whatever the children write.</summary>
    public const long DefaultByteBudget = 64L * 1024 * 1024;

    private readonly Channel<OutputChunk> _channel = Channel.CreateBounded<OutputChunk>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        AllowSynchronousContinuations = false,
    });

    private readonly ByteBudget _budget = new(byteBudget);

    public ChannelReader<OutputChunk> Reader => _channel.Reader;

    /// <summary>For the pumps: waits for room, in chunks and in bytes.</summary>
    public async ValueTask WriteAsync(OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            await _budget.AcquireAsync(chunk.Length).ConfigureAwait(false);
        await _channel.Writer.WriteAsync(chunk).ConfigureAwait(false);
    }

    /// <summary>For ProcMan's own events, outside the byte budget (they are small and few).</summary>
    public bool TryWrite(OutputChunk chunk) => !IsBudgeted(chunk) && _channel.Writer.TryWrite(chunk);

    /// <summary>For the drain, once it has written (or dropped) a chunk: frees its room and its buffer.</summary>
    public void Consumed(in OutputChunk chunk)
    {
        if (IsBudgeted(chunk))
            _budget.Release(chunk.Length);
        chunk.Release();
    }

    /// <summary>No more chunks: every writer has finished.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private static bool IsBudgeted(in OutputChunk chunk) => chunk.Stream != OutputStream.ProcMan;
}
