using System.Diagnostics;
using static ProcMan.Processes.Linux.ProcFileSystem;

namespace ProcMan.Processes.Linux;

/// <summary>
/// The processes that descend from one child ProcMan started, its leader: the members of its
/// session and process group (both numbered by the leader's pid), and whatever those started
/// that left both (a <c>setsid</c> daemon), found by parentage.
/// </summary>
/// <remarks>
/// Safe only while the leader is unreaped, which <see cref="LinuxChildProcess"/> guarantees:
/// its pid, and so its session and group ids, cannot be given to another process until then, so
/// every process in that session or group is of the tree. Each process is signalled through a
/// pidfd opened on it and checked after opening (same start time, still of the tree), so a pid
/// reused between the reading of /proc and the signal is never reached.
/// </remarks>
internal static class ProcessTree
{
    /// <summary>
    /// How long one reading serves: the supervisor asks about, and stops, every run at once
    /// (100 children: 100 questions).
    /// </summary>
    private static readonly TimeSpan ReadingLifetime = TimeSpan.FromMilliseconds(100);

    private static readonly object Gate = new();
    private static (List<ProcStat> Processes, long Taken)? _reading;
    private static (List<ProcStat> Processes, long Taken)? _ownChildren;

    /// <summary>
    /// Whether any process of <paramref name="leader"/>'s tree but the leader itself is alive
    /// (zombies do not count). A recent reading names the candidates, each read again now: one
    /// that died since must not keep its run (and ProcMan's exit) waiting for the next reading,
    /// and when none of them lives, nothing can have joined the tree since.
    /// </summary>
    public static bool HasLiveMember(int leader) =>
        Members(leader, ReadingFor(leader)).Any(p => !p.IsZombie && Read(p.Pid) is { IsZombie: false } now && now.StartTime == p.StartTime);

    /// <summary>
    /// The processes among which <paramref name="leader"/>'s tree is to be found, for
    /// <see cref="Members"/>. As child subreaper ProcMan gets back every orphan of the tree, so
    /// the tree is what descends from the leader and from the orphans adopted from its session or
    /// group: read from the leader down, a few files, however many processes the machine runs.
    /// Otherwise an orphan went to init, and only a reading of every process finds it.
    /// </summary>
    public static List<ProcStat> ReadingFor(int leader)
    {
        if (!ChildReaper.AdoptsOrphans)
            return RecentReading(leader);
        var processes = new List<ProcStat>();
        foreach (var child in RecentOwnChildren(leader))
        {
            processes.Add(child);
            if (child.Pid == leader || child.SessionId == leader || child.GroupId == leader)
                AddDescendants(child.Pid, processes);
        }
        return processes;
    }

    /// <summary>Adds what descends from <paramref name="root"/>, as it is now.</summary>
    private static void AddDescendants(int root, List<ProcStat> processes)
    {
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var child in ChildrenOf(pending.Pop().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                if (Read(child) is { } stat)
                {
                    processes.Add(stat);
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>ProcMan's children, as <see cref="Recent"/> keeps them.</summary>
    private static List<ProcStat> RecentOwnChildren(int leader) =>
        Recent(ref _ownChildren, leader, () => [.. OwnChildren().Select(Read).OfType<ProcStat>()]);

    /// <summary>
    /// A reading of every process on the machine, as <see cref="Recent"/> keeps it. Good enough
    /// to signal by: what it lists is checked again before each signal, and what forked since is
    /// in the leader's group, signalled as a whole, or found by the next reading.
    /// </summary>
    private static List<ProcStat> RecentReading(int leader) => Recent(ref _reading, leader, ReadAll);

    /// <summary>
    /// <paramref name="kept"/>, unless it is older than <see cref="ReadingLifetime"/> or does not
    /// list the (unreaped) <paramref name="leader"/>, which makes it older than the leader: then
    /// <paramref name="read"/> again.
    /// </summary>
    private static List<ProcStat> Recent(ref (List<ProcStat> Processes, long Taken)? kept, int leader, Func<List<ProcStat>> read)
    {
        lock (Gate)
        {
            if (kept is not { } reading || Stopwatch.GetElapsedTime(reading.Taken) > ReadingLifetime
                || !reading.Processes.Any(p => p.Pid == leader))
            {
                var taken = Stopwatch.GetTimestamp();
                kept = reading = (read(), taken);
            }
            return reading.Processes;
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to each of <paramref name="processes"/> (as read from
    /// /proc) that is still the process read; returns how many it reached.
    /// </summary>
    public static int Signal(IEnumerable<ProcStat> processes, int signal)
    {
        var reached = 0;
        foreach (var process in processes)
        {
            if (process.IsZombie)
                continue;
            if (SignalIfStill(process.Pid, process.StartTime, signal))
                reached++;
        }
        return reached;
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to the process <paramref name="pid"/> if it is still the
    /// one started at <paramref name="startTime"/> (and, if given, <paramref name="stillOurs"/>
    /// holds): through a pidfd opened first and checked after, so a reused pid is never reached.
    /// </summary>
    public static bool SignalIfStill(int pid, ulong startTime, int signal, Func<bool>? stillOurs = null)
    {
        var pidfd = LibC.OpenPidfd(pid);
        if (pidfd < 0)
            return false; // Ended since the reading (or no pidfds: then it is not signalled by number either).
        try
        {
            // Checked after opening: the descriptor names the process that held the pid then;
            // if that is not the one read, its start time tells.
            return (stillOurs is null || stillOurs()) && Read(pid) is { } now && now.StartTime == startTime && LibC.SignalPidfd(pidfd, signal);
        }
        finally
        {
            LibC.Close(pidfd);
        }
    }

    /// <summary>The tree's members in <paramref name="processes"/>, the leader excluded.</summary>
    public static List<ProcStat> Members(int leader, List<ProcStat> processes)
    {
        var leaderStart = processes.FirstOrDefault(p => p.Pid == leader).StartTime;
        var members = processes.Where(p => p.Pid != leader && (p.SessionId == leader || p.GroupId == leader)).ToList();
        var found = new HashSet<int>(members.Select(p => p.Pid)) { leader };
        var starts = members.ToDictionary(p => p.Pid, p => p.StartTime);
        starts[leader] = leaderStart;
        bool grew;
        do
        {
            grew = false;
            foreach (var process in processes)
            {
                // A child starts after its parent: one that does not came from a reused parent pid.
                if (!found.Contains(process.Pid) && starts.TryGetValue(process.ParentPid, out var parentStart)
                    && process.StartTime >= parentStart && found.Add(process.Pid))
                {
                    members.Add(process);
                    starts[process.Pid] = process.StartTime;
                    grew = true;
                }
            }
        }
        while (grew);
        return members;
    }
}
