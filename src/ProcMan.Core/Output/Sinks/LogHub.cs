
namespace ProcMan.Output;

/// <summary>
/// Keeps the last lines of every source and hands new ones to followers, for
/// <c>procman logs [-n N] [-f]</c>. The drain publishes every chunk it writes; a subscription
/// takes the backlog and joins the live lines in one step, so nothing is missed or repeated.
/// A ProcMan event about a process is kept with that process's lines (its
/// <see cref="LogEntry.Subject"/>), so <c>logs web</c> shows web's events and <c>logs</c> each event once.
/// </summary>
internal sealed class LogHub(int linesPerSource = LogHub.DefaultLinesPerSource, long bytesPerSource = LogHub.DefaultBytesPerSource) : IOutputSink
{
    public const int DefaultLinesPerSource = 1000;

    /// <summary>4 MiB: lines are kept up to 64 KiB each (longer ones truncated), so the ring is bounded in bytes as well.</summary>
    public const long DefaultBytesPerSource = 4L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, LogRing> _rings = new(StringComparer.Ordinal);
    private readonly List<LogFollower> _followers = [];
    private long _sequence;

    /// <summary>
    /// Called by the drain for every chunk, in the order it writes them. The hub keeps the
    /// chunk's buffer: it goes back to the pool when its lines fall out of the ring.
    /// </summary>
    public bool Write(in OutputChunk chunk)
    {
        Publish(chunk);
        return true;
    }

    /// <summary>Followers are handed each line as it comes: nothing waits for a flush.</summary>
    public void Flush()
    {
    }

    /// <summary>
    /// The instances whose lines are forgotten each time they start (<c>truncate_log</c>): at the
    /// <c>started</c> event, which comes before the run's first line.
    /// </summary>
    public IReadOnlySet<string> ClearedOnStart { get; init; } = new HashSet<string>();

    public void Publish(in OutputChunk chunk)
    {
        lock (_gate)
        {
            var sequence = _sequence++;
            var name = LogEntry.SubjectOf(chunk.Source, chunk.Details);
            if (!_rings.TryGetValue(name, out var ring))
                _rings[name] = ring = new LogRing(name);
            else if (ClearedOnStart.Count > 0 && chunk.Details is EventDetails { Event: LogEvents.Started } && ClearedOnStart.Contains(name))
                ring.Clear();
            // Followers get what the ring keeps: a long line once it is complete, truncated.
            var kept = ring.Add(sequence, chunk, linesPerSource, bytesPerSource);
            if (_followers.Count == 0 || kept.IsEmpty)
                return;
            var entry = new LogEntry(sequence, chunk.Source, chunk.Stream, chunk.Time, kept.ToArray(), chunk.Details);
            foreach (var follower in _followers)
                follower.Offer(entry);
        }
    }

    /// <summary>
    /// The last <paramref name="lines"/> lines about each process <paramref name="wants"/> accepts
    /// (by name; <c>procman</c> for ProcMan's events about no process),
    /// in the order they were written, and, when <paramref name="follow"/>, a follower that
    /// receives everything after them.
    /// </summary>
    public (IReadOnlyList<LogEntry> Backlog, LogFollower? Follower) Subscribe(Func<string, bool> wants, int lines, bool follow)
    {
        lock (_gate)
        {
            var backlog = _rings.Values
                .Where(ring => wants(ring.Name))
                // The ring drops whole chunks, so it may hold more lines than it keeps for: it
                // serves no more than that, as `log_length` promises.
                .SelectMany(ring => ring.LastLines(Math.Min(lines, linesPerSource)))
                .OrderBy(entry => entry.Sequence)
                .ToList();
            LogFollower? follower = null;
            if (follow)
            {
                follower = new LogFollower(entry => wants(entry.Subject));
                _followers.Add(follower);
            }
            return (backlog, follower);
        }
    }

    public void Unsubscribe(LogFollower follower)
    {
        lock (_gate)
            _followers.Remove(follower);
    }

    /// <summary>No more lines will come: followers end after what they have.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (var follower in _followers)
                follower.Complete();
        }
    }
}
