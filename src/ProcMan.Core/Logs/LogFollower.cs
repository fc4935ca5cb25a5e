using System.Threading.Channels;

namespace ProcMan.Logs;

/// <summary>
/// One <c>logs -f</c> reader's queue, bounded in bytes. The drain offers lines without ever
/// waiting: when the reader is that far behind they are dropped for this follower alone and
/// counted, and a <see cref="LogItem.Skipped"/> marker goes where the gap is once there is
/// room again.
/// </summary>
public sealed class LogFollower(Func<LogEntry, bool> wants, long capacityBytes = LogFollower.DefaultCapacityBytes)
{
    /// <summary>1 MiB: seconds of output for a busy process, a bounded cost per follower.</summary>
    public const long DefaultCapacityBytes = 1024 * 1024;

    private readonly Channel<LogItem> _queue = Channel.CreateUnbounded<LogItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private long _queuedBytes;
    private long _skipped;

    /// <summary>Called by the drain only (a single writer).</summary>
    public void Offer(LogEntry entry)
    {
        if (!wants(entry))
            return;
        if (Interlocked.Read(ref _queuedBytes) + entry.Lines.Length > capacityBytes)
        {
            _skipped += entry.LineCount;
            return;
        }
        if (_skipped > 0)
        {
            _queue.Writer.TryWrite(new LogItem.Skipped(_skipped));
            _skipped = 0;
        }
        Interlocked.Add(ref _queuedBytes, entry.Lines.Length);
        _queue.Writer.TryWrite(new LogItem.Lines(entry));
    }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellation) => _queue.Reader.WaitToReadAsync(cancellation);

    /// <summary>For the one reader: takes the next item and frees its room.</summary>
    public bool TryRead(out LogItem item)
    {
        if (!_queue.Reader.TryRead(out item!))
            return false;
        if (item is LogItem.Lines(var entry))
            Interlocked.Add(ref _queuedBytes, -entry.Lines.Length);
        return true;
    }

    /// <summary>No more lines will come; a gap at the very end is still reported.</summary>
    public void Complete()
    {
        if (_skipped > 0)
            _queue.Writer.TryWrite(new LogItem.Skipped(_skipped));
        _queue.Writer.TryComplete();
    }
}
