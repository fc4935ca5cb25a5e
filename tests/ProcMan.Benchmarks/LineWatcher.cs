namespace ProcMan.Benchmarks;

/// <summary>
/// Reads a process's stdout line by line on a thread of its own (not the thread pool, whose
/// scheduling delays would show up as latency), and counts the lines that mark progress.
/// </summary>
internal sealed class LineWatcher
{
    private readonly Thread _thread;
    // A plain object, not System.Threading.Lock: Monitor.Wait/PulseAll need a monitor.
    private readonly object _lock = new();
    private int _milestones;

    /// <param name="onLine">Called on the reading thread with each line and the time it was read.</param>
    public LineWatcher(StreamReader reader, Func<string, bool> isMilestone, Action<string, DateTime>? onLine = null)
    {
        _thread = new Thread(() =>
        {
            while (reader.ReadLine() is { } line)
            {
                var now = DateTime.UtcNow;
                onLine?.Invoke(line, now);
                if (isMilestone(line))
                {
                    lock (_lock)
                    {
                        _milestones++;
                        Monitor.PulseAll(_lock);
                    }
                }
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>Blocks until <paramref name="count"/> milestone lines were read; false on timeout.</summary>
    public bool WaitForMilestones(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_lock)
        {
            while (_milestones < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_lock, left))
                    return _milestones >= count;
            }
            return true;
        }
    }

    /// <summary>Blocks until the stream ended (every writer closed it).</summary>
    public void WaitForEnd() => _thread.Join();

    /// <summary>As <see cref="WaitForEnd()"/>, but gives up after <paramref name="timeout"/>: false when some process still holds the pipe.</summary>
    public bool WaitForEnd(TimeSpan timeout) => _thread.Join(timeout);
}
