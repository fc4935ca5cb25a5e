using System.Runtime.InteropServices;
using ProcMan.Configuration;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Starts children with <see cref="PosixSpawn"/>, each leading a session and process group of
/// its own: a group signal reaches the child's own children, and the terminal's Ctrl-C reaches
/// only ProcMan.
/// </summary>
public sealed class LinuxProcessLauncher : IProcessLauncher
{
    public IChildProcess Start(ProcessSpec spec)
    {
        LinuxChildProcess? child = null;
        Start(spec, () =>
        {
            child = new LinuxChildProcess(PosixSpawn.Start(spec.Arguments, spec.WorkingDirectory, spec.Environment));
            return (child.Pid, child.Exited);
        });
        return child!;
    }

    public async Task<ExitStatus> RunAttachedAsync(ProcessSpec spec)
    {
        // Handlers first, so no signal falls between the start and them. The terminal delivers
        // Ctrl-C and Ctrl-\ to the child itself (same group): ProcMan only has to survive them.
        // SIGTERM and SIGHUP are usually sent to ProcMan alone, so they are passed on.
        var forwarder = new SignalForwarder();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => forwarder.Forward(context, UnixSignal.Terminate));
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => forwarder.Forward(context, UnixSignal.Hangup));
        int pid = 0;
        Task<int?> exit = Task.FromResult<int?>(null);
        Start(spec, () =>
        {
            pid = PosixSpawn.StartAttached(spec.Arguments, spec.WorkingDirectory, spec.Environment);
            exit = LinuxChildProcess.WaitForExitAsync(pid);
            return (pid, exit);
        });
        forwarder.Attach(pid);
        return new ExitStatus(await exit.ConfigureAwait(false) ?? LinuxChildProcess.UnknownExitCode);
    }

    /// <summary>Runs <paramref name="start"/> as <see cref="OrphanReaper.Start"/> does; what the system refused is the spec's start failure.</summary>
    private static void Start(ProcessSpec spec, Func<(int Pid, Task Reaped)> start)
    {
        try
        {
            OrphanReaper.Start(start);
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
    }
}
