using ProcMan.Output;

namespace ProcMan.Logs;

/// <summary>
/// Keeps the last lines of every source and hands new ones to followers, for
/// <c>procman logs [-n N] [-f]</c>. The drain publishes every chunk it writes; a subscription
/// takes the backlog and joins the live lines in one step, so nothing is missed or repeated.
/// </summary>
public sealed class LogHub(int linesPerSource = LogHub.DefaultLinesPerSource, long bytesPerSource = LogHub.DefaultBytesPerSource)
{
    public const int DefaultLinesPerSource = 1000;

    /// <summary>4 MiB: lines can be up to 16 MiB each, so the ring is bounded in bytes as well.</summary>
    public const long DefaultBytesPerSource = 4L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<LogEntry>> _rings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ringLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _ringBytes = new(StringComparer.Ordinal);
    private readonly List<LogFollower> _followers = [];
    private long _sequence;

    /// <summary>Called by the drain for every chunk, in the order it writes them.</summary>
    public void Publish(in OutputChunk chunk)
    {
        lock (_gate)
        {
            var entry = new LogEntry(_sequence++, chunk.Source, chunk.Stream, chunk.Time, chunk.Lines.ToArray());
            var name = chunk.Source.Name;
            if (!_rings.TryGetValue(name, out var ring))
                _rings[name] = ring = new Queue<LogEntry>();
            ring.Enqueue(entry);
            var lines = _ringLines.GetValueOrDefault(name) + entry.LineCount;
            var bytes = _ringBytes.GetValueOrDefault(name) + entry.Lines.Length;
            // Keep whole chunks while the ones after the oldest still hold enough lines, and
            // drop the oldest while the ring is over its size (the newest chunk always stays).
            while (ring.Count > 1 && (lines - ring.Peek().LineCount >= linesPerSource || bytes > bytesPerSource))
            {
                var oldest = ring.Dequeue();
                lines -= oldest.LineCount;
                bytes -= oldest.Lines.Length;
            }
            _ringLines[name] = lines;
            _ringBytes[name] = bytes;
            foreach (var follower in _followers)
                follower.Offer(entry);
        }
    }

    /// <summary>
    /// The last <paramref name="lines"/> lines of each source <paramref name="wants"/> accepts,
    /// in the order they were written, and, when <paramref name="follow"/>, a follower that
    /// receives everything after them.
    /// </summary>
    public (IReadOnlyList<LogEntry> Backlog, LogFollower? Follower) Subscribe(Func<OutputSource, bool> wants, int lines, bool follow)
    {
        lock (_gate)
        {
            var backlog = _rings.Values
                .Where(ring => ring.Count > 0 && wants(ring.Peek().Source))
                .SelectMany(ring => LastLines(ring, lines))
                .OrderBy(entry => entry.Sequence)
                .ToList();
            LogFollower? follower = null;
            if (follow)
            {
                follower = new LogFollower(entry => wants(entry.Source));
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

    private static IEnumerable<LogEntry> LastLines(Queue<LogEntry> ring, int count)
    {
        var result = new List<LogEntry>();
        foreach (var entry in ring.Reverse())
        {
            if (count <= 0)
                break;
            if (entry.LineCount <= count)
            {
                result.Add(entry);
                count -= entry.LineCount;
                continue;
            }
            // Only the end of this chunk is wanted.
            var kept = entry.EachLine().TakeLast(count).SelectMany(line => line.ToArray().Append((byte)'\n')).ToArray();
            result.Add(new LogEntry(entry.Sequence, entry.Source, entry.Stream, entry.Time, kept));
            count = 0;
        }
        result.Reverse();
        return result;
    }
}
