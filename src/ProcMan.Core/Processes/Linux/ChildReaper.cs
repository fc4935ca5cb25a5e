namespace ProcMan.Processes.Linux;

/// <summary>
/// ProcMan's children: those it started, each reaped by its own <see cref="LinuxChildProcess"/>
/// once released, and the orphans of their trees, which come to ProcMan as child subreaper (or
/// as PID 1) and are reaped here when they end. While <see cref="Gate"/> is held no child of
/// ProcMan's is reaped, so no child's pid can pass to another process: whoever holds it may
/// signal a child by its pid.
/// </summary>
/// <remarks>
/// This holds only while ProcMan never initialises <c>Console.Out</c> or <c>Console.In</c>
/// (banned in Core by the analyzer, BannedSymbols.txt; Console.Error is safe): as PID 1, the
/// runtime's console setup installs a SIGCHLD handler that reaps every child, and would take the
/// exit statuses from the waiters.
/// </remarks>
internal static class ChildReaper
{
    /// <summary>Held to reap, to start, and to signal by pid.</summary>
    public static readonly object Gate = new();

    private static readonly HashSet<int> Started = [];
    private static readonly Dictionary<int, ulong> Adopted = [];
    private static Thread? _thread;
    private static bool _prepared;

    /// <summary>
    /// How often ProcMan looks for adopted orphans, alive or ended (an ended one stays a zombie
    /// that long at most); once a second keeps an idle ProcMan idle. Not on SIGCHLD: a
    /// PosixSignalRegistration for it lets the runtime reap children whose exit the waiters need.
    /// </summary>
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Whether every orphan of ProcMan's trees comes back to it (child subreaper, or PID 1).</summary>
    public static bool AdoptsOrphans
    {
        get
        {
            lock (Gate)
                return _thread is not null;
        }
    }

    /// <summary>Told of every process ProcMan comes to answer for, and of those it no longer does.</summary>
    public static Guardian? Guardian { get; set; }

    /// <summary>ProcMan's instance cgroup, while ProcMan is in it: its members that no run's tree holds are strays too.</summary>
    public static InstanceCgroup? Cgroup { get; set; }

    /// <summary>
    /// Makes ProcMan a child subreaper and starts reaping the orphans that come to it. Only for
    /// ProcMan's own executable: in a host that starts children of its own (through
    /// <c>System.Diagnostics.Process</c>), reaping what it did not start would take their exit
    /// statuses from the runtime. As PID 1 every orphan of the container comes to ProcMan anyway.
    /// </summary>
    public static void AdoptOrphans()
    {
        lock (Gate)
        {
            if (_thread is not null)
                return;
            LibC.BecomeChildSubreaper();
            StartScanning();
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/>, which starts a child and returns its pid, and notes the
    /// child before anything can look it up, so that a child that ends at once is never taken
    /// for an orphan.
    /// </summary>
    public static int Start(Func<int> start)
    {
        lock (Gate)
        {
            if (!_prepared)
            {
                // Process-wide, once, before the first child.
                _prepared = true;
                // Started with SIGCHLD ignored, ProcMan would have its children reaped by the
                // kernel and no exit status to read; the default ignores the signal too, but keeps them.
                LibC.RestoreDefaultIfIgnored(UnixSignal.Child.Number);
                if (Environment.ProcessId == 1)
                    StartScanning();
            }
            var pid = start();
            Started.Add(pid);
            if (ProcFileSystem.Read(pid) is { } stat)
                Guardian?.Watch(pid, stat.StartTime);
            return pid;
        }
    }

    private static void StartScanning()
    {
        if (_thread is not null)
            return;
        _thread = new Thread(Run, maxStackSize: 128 * 1024) { IsBackground = true, Name = "procman child reaper" };
        _thread.Start();
    }

    /// <summary>Reaps the started child <paramref name="pid"/>, which has ended, and forgets it.</summary>
    public static void Reap(int pid)
    {
        lock (Gate)
        {
            LibC.ReapIfEnded(pid);
            Started.Remove(pid);
        }
        Guardian?.Forget(pid);
    }

    /// <summary>
    /// The live orphans ProcMan has adopted: processes that left the trees of the children it
    /// started (a double fork and <c>setsid</c>) and whose parents have ended; and the members
    /// of its cgroup that are in no started child's tree (hoppers, whose every ancestor ended).
    /// </summary>
    public static IReadOnlyList<StrayProcess> FindStrays()
    {
        lock (Gate)
        {
            if (_thread is null)
                return []; // Not adopting: no child but those started here is ProcMan's business.
            Scan();
            List<StrayProcess> strays = [.. Adopted.Select(entry => new StrayProcess(entry.Key, Describe(entry.Key), entry.Value))];
            foreach (var pid in Cgroup?.Members() ?? [])
            {
                if (!Started.Contains(pid) && !Adopted.ContainsKey(pid)
                    && ProcFileSystem.Read(pid) is { IsZombie: false } process && !IsInAStartedTree(process))
                {
                    strays.Add(new StrayProcess(process.Pid, Describe(process.Pid), process.StartTime));
                }
            }
            return strays;
        }
    }

    /// <summary>
    /// Whether <paramref name="process"/> is of the tree of a child started here: in its session
    /// or group (an unreaped leader's ids are its own), or below such a process by parentage.
    /// Read upwards from the process, so a stop's repeated looks cost a file or two per member,
    /// not a reading of every tree. Called under <see cref="Gate"/>.
    /// </summary>
    private static bool IsInAStartedTree(ProcFileSystem.ProcStat process)
    {
        for (var depth = 0; depth < 64; depth++)
        {
            if (Started.Contains(process.SessionId) || Started.Contains(process.GroupId) || Started.Contains(process.ParentPid))
                return true;
            // A parent starts before its child: one that does not holds a reused pid.
            if (process.ParentPid <= 1 || process.ParentPid == Environment.ProcessId
                || ProcFileSystem.Read(process.ParentPid) is not { } parent || parent.StartTime > process.StartTime)
            {
                return false;
            }
            process = parent;
        }
        return false;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="stray"/> if it is still the adopted orphan found.</summary>
    public static void Signal(StrayProcess stray, int signal)
    {
        lock (Gate)
        {
            // Unreaped, it keeps its pid: the start time tells whether it is still the one found.
            if (Adopted.TryGetValue(stray.Pid, out var start))
            {
                if (start == stray.StartTime)
                    LibC.Kill(stray.Pid, signal);
            }
            else if (Cgroup is { } cgroup)
            {
                SignalMember(cgroup, stray, signal);
            }
        }
    }

    /// <summary>
    /// Signals a member of the cgroup that is not ProcMan's child, so may be reaped and its pid
    /// reused at any time: only if it is still in the cgroup and started when the one found was.
    /// </summary>
    private static void SignalMember(InstanceCgroup cgroup, StrayProcess stray, int signal) =>
        ProcessTree.SignalIfStill(stray.Pid, stray.StartTime, signal, () => cgroup.Holds(stray.Pid));

    private static void Run()
    {
        while (true)
        {
            Thread.Sleep(ScanPeriod);
            lock (Gate)
                Scan();
        }
    }

    /// <summary>Reaps every ended child ProcMan did not start, and notes the live ones. Called under <see cref="Gate"/>.</summary>
    private static void Scan()
    {
        var children = ProcFileSystem.OwnChildren();
        foreach (var pid in children)
        {
            if (Started.Contains(pid))
                continue;
            if (LibC.ReapIfEnded(pid))
            {
                Adopted.Remove(pid);
                Guardian?.Forget(pid);
            }
            else if (!Adopted.ContainsKey(pid) && ProcFileSystem.Read(pid) is { } stat)
            {
                Adopted[pid] = stat.StartTime;
                Guardian?.Watch(pid, stat.StartTime);
            }
        }
        foreach (var gone in Adopted.Keys.Where(pid => !children.Contains(pid)).ToList())
            Adopted.Remove(gone);
    }

    private static string Describe(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
            return commandLine.Length > 0 ? commandLine : File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
