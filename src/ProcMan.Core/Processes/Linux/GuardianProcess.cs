using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using static ProcMan.Processes.Linux.ProcFileSystem;

namespace ProcMan.Processes.Linux;

/// <summary>
/// The guardian itself (<c>procman guardian</c>, started by <see cref="Guardian"/>): reads on its
/// stdin which processes ProcMan answers for (and its instance cgroup, if any), and at the end of
/// its stdin, when ProcMan has ended however it ended, kills all that is in the cgroup, then
/// SIGKILLs every one of the processes still there and their trees. At
/// ProcMan's ordinary end everything has been stopped already, and it finds nothing.
/// </summary>
internal static class GuardianProcess
{
    /// <summary>The one argument that makes ProcMan's executable a guardian; not a command for people.</summary>
    public const string Command = "__guardian";

    /// <summary>How long it goes on looking for what forks while it kills.</summary>
    private static readonly TimeSpan Persistence = TimeSpan.FromSeconds(1);

    public static int Run()
    {
        var watched = new Dictionary<int, ulong>();
        string? cgroup = null;
        using (var input = new StreamReader(new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 4096)))
        {
            while (input.ReadLine() is { } line)
            {
                if (line.StartsWith("cgroup ", StringComparison.Ordinal))
                {
                    cgroup = line["cgroup ".Length..]; // A path may hold spaces: the rest of the line.
                    continue;
                }
                if (line == "forget-cgroup")
                {
                    cgroup = null;
                    continue;
                }
                var fields = line.Split(' ');
                if (fields is ["watch", var pid, var start] && int.TryParse(pid, out var watchedPid) && ulong.TryParse(start, out var startTime))
                    watched[watchedPid] = startTime;
                else if (fields is ["forget", var gone] && int.TryParse(gone, out var forgotten))
                    watched.Remove(forgotten);
            }
        }
        // The cgroup first: one write kills every member at once, however far it moved from
        // the processes watched; what is watched is for machines without one.
        if (cgroup is not null)
            InstanceCgroup.KillAndRemove(cgroup);
        KillAll(watched);
        return 0;
    }

    /// <summary>Kills the watched processes that are still the ones watched, and their trees, until none is found.</summary>
    internal static void KillAll(IReadOnlyDictionary<int, ulong> watched)
    {
        var started = Stopwatch.GetTimestamp();
        while (watched.Count > 0 && Stopwatch.GetElapsedTime(started) < Persistence)
        {
            var all = ReadAll();
            var targets = new Dictionary<int, ProcStat>();
            foreach (var process in all)
            {
                if (watched.TryGetValue(process.Pid, out var startTime) && process.StartTime == startTime)
                {
                    targets[process.Pid] = process;
                    foreach (var member in ProcessTree.Members(process.Pid, all))
                        targets[member.Pid] = member;
                }
            }
            // A leader already reaped (its zombie went to init with ProcMan) leaves its session id
            // held by the members it left, which started after it.
            foreach (var (leader, startTime) in watched)
            {
                if (all.Any(p => p.Pid == leader))
                    continue;
                foreach (var member in all.Where(p => (p.SessionId == leader || p.GroupId == leader) && p.StartTime >= startTime))
                {
                    targets[member.Pid] = member;
                    foreach (var descendant in ProcessTree.Members(member.Pid, all))
                        targets[descendant.Pid] = descendant;
                }
            }
            if (ProcessTree.Signal(targets.Values, UnixSignal.Kill.Number) == 0)
                return;
            Thread.Sleep(10); // What forked meanwhile is looked for again.
        }
    }
}
