using System.Threading.Channels;

namespace ProcMan.Logs;

/// <summary>
/// One <c>logs -f</c> reader's queue. The drain offers lines without ever waiting: when the
/// queue is full they are dropped for this follower alone and counted, and a
/// <see cref="LogItem.Skipped"/> marker goes where the gap is once there is room again.
/// </summary>
public sealed class LogFollower(Func<LogEntry, bool> wants, int capacity = LogFollower.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly Channel<LogItem> _queue = Channel.CreateBounded<LogItem>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently.
        SingleReader = true,
        SingleWriter = true,
    });

    private long _skipped;

    public ChannelReader<LogItem> Items => _queue.Reader;

    /// <summary>Called by the drain only (a single writer).</summary>
    public void Offer(LogEntry entry)
    {
        if (!wants(entry))
            return;
        if (_skipped > 0)
        {
            if (!_queue.Writer.TryWrite(new LogItem.Skipped(_skipped)))
            {
                _skipped += entry.LineCount;
                return;
            }
            _skipped = 0;
        }
        if (!_queue.Writer.TryWrite(new LogItem.Lines(entry)))
            _skipped += entry.LineCount;
    }

    public void Complete() => _queue.Writer.TryComplete();
}
