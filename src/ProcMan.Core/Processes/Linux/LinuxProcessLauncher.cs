using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ProcMan.Configuration;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Starts children with <see cref="PosixSpawn"/>, each leading a session and process group of
/// its own: a group signal reaches the child's own children, and the terminal's Ctrl-C reaches
/// only ProcMan. <see cref="RunAttachedAsync"/> runs its one child through <c>Process</c>.
/// </summary>
public sealed class LinuxProcessLauncher : IProcessLauncher
{
    /// <summary>
    /// For <see cref="RunAttachedAsync"/>: the .NET runtime ignores SIGPIPE, and an ignored signal
    /// stays ignored across exec: without this, a child's <c>yes | head -1</c> would report
    /// "Broken pipe" instead of ending quietly. coreutils' env restores the default before it
    /// execs the command in place. (<see cref="PosixSpawn"/> resets every signal itself.)
    /// </summary>
    private static readonly string[] DefaultSignals = ["/usr/bin/env", "--default-signal=PIPE"];

    public IChildProcess Start(ProcessSpec spec)
    {
        try
        {
            return OrphanReaper.Start(() => new LinuxChildProcess(PosixSpawn.Start(spec.Arguments, spec.WorkingDirectory, spec.Environment)));
        }
        catch (IOException exception)
        {
            throw new ProcessStartException($"{spec.Name}: {exception.Message}", exception);
        }
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
        using var process = Launch(StartInfo(DefaultSignals[0], [.. DefaultSignals[1..], .. spec.Arguments], spec), spec);
        forwarder.Attach(process.Id);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ExitStatus(process.ExitCode);
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

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, ProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = false, WorkingDirectory = spec.WorkingDirectory };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
            startInfo.Environment[key] = value;
        return startInfo;
    }

    private static Process Launch(ProcessStartInfo startInfo, ProcessSpec spec)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new ProcessStartException($"{spec.Name}: the process could not be started");
        }
        catch (Win32Exception exception)
        {
            throw new ProcessStartException($"{spec.Name}: {exception.Message}", exception);
        }
    }
}
