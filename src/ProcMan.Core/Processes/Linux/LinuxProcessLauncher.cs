using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ProcMan.Configuration;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Starts children through util-linux <c>setsid</c>, which execs in place (a child forked by
/// .NET is never a group leader), so the pid we hold leads a new session and process group:
/// a group signal reaches the child's own children, and the terminal's Ctrl-C reaches only ProcMan.
/// </summary>
public sealed class LinuxProcessLauncher : IProcessLauncher
{
    private static readonly string SetsidPath = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "setsid";

    public IChildProcess Start(ProcessSpec spec)
    {
        var startInfo = StartInfo(SetsidPath, spec.Arguments, spec);
        // All three redirected: an inherited terminal stdin would stop a background group
        // with SIGTTIN, and .NET reconfigures the terminal for children that share it.
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        return new LinuxChildProcess(Launch(startInfo, spec));
    }

    public async Task<ExitStatus> RunAttachedAsync(ProcessSpec spec)
    {
        using var process = Launch(StartInfo(spec.Arguments[0], spec.Arguments.Skip(1), spec), spec);
        // The terminal delivers Ctrl-C and Ctrl-\ to the child itself (same group): ProcMan
        // only has to survive them. SIGTERM and SIGHUP are usually sent to ProcMan alone.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
        using var terminate = Forward(PosixSignal.SIGTERM, UnixSignal.Terminate);
        using var hangup = Forward(PosixSignal.SIGHUP, UnixSignal.Hangup);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ExitStatus(process.ExitCode);

        PosixSignalRegistration Forward(PosixSignal posix, UnixSignal signal) =>
            PosixSignalRegistration.Create(posix, context =>
            {
                context.Cancel = true;
                LibC.Kill(process.Id, signal.Number);
            });
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
