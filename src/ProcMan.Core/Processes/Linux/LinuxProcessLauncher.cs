using System.Runtime.InteropServices;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Starts children with <see cref="PosixSpawn"/>, each leading a session and process group of
/// its own: a group signal reaches the child's own children, and the terminal's Ctrl-C reaches
/// only ProcMan. With <see cref="AdoptsOrphans"/>, ProcMan becomes a child subreaper at the
/// first start, so that what the children's trees orphan comes back to it (<see cref="FindStrays"/>).
/// </summary>
internal sealed class LinuxProcessLauncher : IProcessLauncher, IDisposable
{
    private readonly object _gate = new();
    private Guardian? _guardian;
    private InstanceCgroup? _cgroup;
    private bool _guardianTried;

    /// <summary>
    /// Starts a guardian before the first child, which kills everything ProcMan started should
    /// ProcMan itself be killed (SIGKILL, the OOM killer); for <c>up</c>. With it, ProcMan runs
    /// in an <see cref="InstanceCgroup"/> where the machine gives one.
    /// </summary>
    public bool Guarded { get; init; }

    /// <summary>
    /// Makes ProcMan a child subreaper before the first child, reaping what the children's trees
    /// orphan; for ProcMan's own executable only (<see cref="ChildReaper.AdoptOrphans"/>).
    /// </summary>
    public bool AdoptsOrphans { get; init; }

    public IChildProcess Start(IStartSpec spec)
    {
        PrepareFirstStart();
        LinuxChildProcess? child = null;
        Start(spec, () =>
        {
            child = new LinuxChildProcess(PosixSpawn.Start(spec.Arguments, spec.WorkingDirectory, spec.Environment));
            return child.Pid;
        });
        return child!;
    }

    public IReadOnlyList<StrayProcess> FindStrays() => ChildReaper.FindStrays();

    public void Signal(StrayProcess stray, UnixSignal signal) => ChildReaper.Signal(stray, signal.Number);

    /// <summary>
    /// Once everything is stopped: leaves the instance cgroup and removes it, then lets the
    /// guardian go (which kills what is still in the cgroup, and removes it).
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cgroup is { } cgroup)
            {
                ChildReaper.Cgroup = null;
                _cgroup = null;
                if (cgroup.Leave())
                    _guardian?.ForgetCgroup();
            }
            _guardian?.Dispose();
        }
    }

    /// <summary>
    /// What must be in place before the first child: the subreaper, then the guardian, as asked,
    /// and with the guardian an instance cgroup where the machine gives one. The guardian is
    /// started before ProcMan enters the cgroup, so that it is not in it itself.
    /// </summary>
    private void PrepareFirstStart()
    {
        if (AdoptsOrphans)
            ChildReaper.AdoptOrphans();
        lock (_gate)
        {
            if (!Guarded || _guardianTried)
                return;
            _guardianTried = true;
            var cgroup = InstanceCgroup.Create();
            _guardian = Guardian.Start();
            if (cgroup is null)
                return;
            if (_guardian is null)
            {
                // Without a guardian, nobody would remove a cgroup left with members.
                cgroup.Leave();
                return;
            }
            // Told first: should ProcMan be killed right after entering, the cgroup is not left behind.
            _guardian.WatchCgroup(cgroup.Path);
            if (!cgroup.Enter())
            {
                _guardian.ForgetCgroup();
                return;
            }
            _cgroup = cgroup;
            ChildReaper.Cgroup = cgroup;
        }
    }

    public async Task<ExitStatus> RunAttachedAsync(IStartSpec spec)
    {
        // Handlers first, so no signal falls between the start and them. The terminal delivers
        // Ctrl-C and Ctrl-\ to the child itself (same group): ProcMan only has to survive them.
        // SIGTERM and SIGHUP are usually sent to ProcMan alone, so they are passed on.
        var forwarder = new SignalForwarder();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => forwarder.Forward(context, UnixSignal.Terminate));
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => forwarder.Forward(context, UnixSignal.Hangup));
        PrepareFirstStart();
        var pid = 0;
        Start(spec, () => pid = PosixSpawn.StartAttached(spec.Arguments, spec.WorkingDirectory, spec.Environment));
        var exit = LinuxChildProcess.WaitForExitAsync(pid);
        forwarder.Attach(pid);
        var code = await exit.ConfigureAwait(false);
        // The forwarder signals it by pid: that pid is not given up until it is done with.
        forwarder.Detach();
        ChildReaper.Reap(pid);
        return code ?? ExitStatus.Exited(LinuxChildProcess.UnknownExitCode);
    }

    /// <summary>Runs <paramref name="start"/> as <see cref="ChildReaper.Start"/> does; what the system refused is the spec's start failure.</summary>
    private static void Start(IStartSpec spec, Func<int> start)
    {
        try
        {
            ChildReaper.Start(start);
        }
        catch (IOException exception)
        {
            throw new ProcessStartException($"{spec.Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Passes signals on to the child, holding those that come before it exists.</summary>
    private sealed class SignalForwarder
    {
        private readonly object _gate = new();
        private readonly List<UnixSignal> _held = [];
        private int? _pid;

        public void Forward(PosixSignalContext context, UnixSignal signal)
        {
            context.Cancel = true;
            lock (_gate)
            {
                if (_pid is { } pid)
                    LibC.Kill(pid, signal.Number);
                else
                    _held.Add(signal);
            }
        }

        public void Attach(int pid)
        {
            lock (_gate)
            {
                _pid = pid;
                foreach (var signal in _held)
                    LibC.Kill(pid, signal.Number);
            }
        }

        /// <summary>The child has ended: signals after this are not passed on.</summary>
        public void Detach()
        {
            lock (_gate)
            {
                _pid = null;
                _held.Clear();
            }
        }
    }
}
