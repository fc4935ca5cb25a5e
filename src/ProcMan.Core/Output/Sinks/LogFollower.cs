using System.Threading.Channels;

namespace ProcMan.Output;

/// <summary>
/// One <c>logs -f</c> reader's queue, bounded in bytes. The drain offers lines without ever
/// waiting: when the reader is that far behind they are dropped for this follower alone and
/// counted, and a <see cref="LogItem.Skipped"/> marker goes where the gap is once there is
/// room again.
/// </summary>
internal sealed class LogFollower(Func<LogEntry, bool> wants, long capacityBytes = LogFollower.DefaultCapacityBytes)
{
    /// <summary>1 MiB: seconds of output for a busy process, a bounded cost per follower.</summary>
    public const long DefaultCapacityBytes = 1024 * 1024;

    private readonly Channel<LogItem> _queue = Channel.CreateUnbounded<LogItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly object _gate = new();
    private long _queuedBytes;
    private long _skipped;

    /// <summary>Called by the drain only; never waits.</summary>
    public void Offer(LogEntry entry)
    {
        if (!wants(entry))
            return;
        lock (_gate)
        {
            // An empty queue takes any entry, so a line longer than the capacity still goes to an idle reader.
            if (_queuedBytes > 0 && _queuedBytes + entry.Lines.Length > capacityBytes)
            {
                _skipped += entry.LineCount;
                return;
            }
            if (_skipped > 0)
            {
                _queue.Writer.TryWrite(new LogItem.Skipped(_skipped));
                _skipped = 0;
            }
            _queuedBytes += entry.Lines.Length;
            _queue.Writer.TryWrite(new LogItem.Lines(entry));
        }
    }

    /// <summary>True as soon as there is something to read: an item, or a gap to report.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellation)
    {
        lock (_gate)
        {
            // Lines are only dropped while the queue is full, so a wait on an empty queue
            // cannot miss a gap that appears after this check.
            if (_skipped > 0)
                return ValueTask.FromResult(true);
        }
        return _queue.Reader.WaitToReadAsync(cancellation);
    }

    /// <summary>
    /// For the one reader: takes the next item and frees its room. Once the queue is empty, a
    /// gap still pending comes out as a marker, so the last drops are reported even when no
    /// line follows them.
    /// </summary>
    public bool TryRead(out LogItem item)
    {
        lock (_gate)
        {
            if (_queue.Reader.TryRead(out item!))
            {
                if (item is LogItem.Lines(var entry))
                    _queuedBytes -= entry.Lines.Length;
                return true;
            }
            if (_skipped > 0)
            {
                item = new LogItem.Skipped(_skipped);
                _skipped = 0;
                return true;
            }
            return false;
        }
    }

    public void Complete() => _queue.Writer.TryComplete();
}
