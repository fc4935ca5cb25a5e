using System.Diagnostics;

namespace ProcMan.Processes.Linux;

/// <summary>Finds processes through /proc, for the last-resort kill of whatever a child left behind.</summary>
internal static class ProcFileSystem
{
    private readonly record struct ProcStat(int Pid, char State, int ParentPid, int GroupId, int SessionId);

    /// <summary>
    /// Whether the process group <paramref name="groupId"/> has a member that is not a zombie
    /// (kill(2) counts zombies, which a container's init may never reap), by a recent reading.
    /// </summary>
    public static bool HasLiveMember(int groupId)
    {
        lock (Gate)
        {
            // A reading that does not list the group at all may be older than the group: read again.
            if (_snapshot is not { } snapshot || Stopwatch.GetElapsedTime(snapshot.Taken) > SnapshotLifetime
                || !snapshot.Processes.Any(p => p.GroupId == groupId))
            {
                var taken = Stopwatch.GetTimestamp();
                _snapshot = snapshot = (ReadAll(), taken);
            }
            return snapshot.Processes.Any(p => p.GroupId == groupId && p.State != 'Z');
        }
    }

    /// <summary>
    /// Every live process in the session <paramref name="sessionId"/> (each child ProcMan starts
    /// leads a session of its own) and, when asked, every descendant of its leader,
    /// the leader excluded.
    /// </summary>
    public static IReadOnlyList<int> FindLeftovers(int sessionId, bool includeDescendants)
    {
        var all = ReadAll();
        var found = new HashSet<int>(all.Where(p => p.SessionId == sessionId).Select(p => p.Pid)) { sessionId };
        // Descendants that moved to a session of their own are still reachable by parentage.
        bool grew = includeDescendants;
        while (grew)
        {
            grew = false;
            foreach (var process in all)
                if (found.Contains(process.ParentPid) && found.Add(process.Pid))
                    grew = true;
        }
        found.Remove(sessionId);
        return [.. found];
    }

    /// <summary>
    /// How long one reading of /proc is reused to tell whether a group is alive. The supervisor
    /// asks about every group at once (100 children: 100 questions), and each reading opens a
    /// file per process on the machine. A group the reading lists (zombies included) with no
    /// live member has none now, as members only come from members; one with a live member may
    /// have died since, and is asked about again later.
    /// </summary>
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMilliseconds(20);

    private static readonly object Gate = new();
    private static (List<ProcStat> Processes, long Taken)? _snapshot;

    private static List<ProcStat> ReadAll()
    {
        var result = new List<ProcStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                if (Parse(pid, File.ReadAllText(Path.Combine(directory, "stat"))) is { } stat)
                    result.Add(stat);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return result;
    }

    // Format: "pid (comm) state ppid pgrp session ..."; comm may itself contain spaces and ')'.
    private static ProcStat? Parse(int pid, string stat)
    {
        var afterName = stat.LastIndexOf(')');
        if (afterName < 0)
            return null;
        var fields = stat[(afterName + 2)..].Split(' ');
        return fields.Length > 3 && fields[0].Length == 1
            && int.TryParse(fields[1], out var parent) && int.TryParse(fields[2], out var group) && int.TryParse(fields[3], out var session)
            ? new ProcStat(pid, fields[0][0], parent, group, session)
            : null;
    }
}
