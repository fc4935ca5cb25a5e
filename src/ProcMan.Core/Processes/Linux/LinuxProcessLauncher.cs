using System.ComponentModel;
using System.Diagnostics;
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
        var startInfo = new ProcessStartInfo(SetsidPath)
        {
            UseShellExecute = false,
            // All three redirected: an inherited terminal stdin would stop a background group
            // with SIGTTIN, and .NET reconfigures the terminal for children that share it.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory,
        };
        foreach (var argument in spec.Arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
            startInfo.Environment[key] = value;

        try
        {
            var process = Process.Start(startInfo)
                ?? throw new ProcessStartException($"{spec.Name}: the process could not be started");
            return new LinuxChildProcess(process);
        }
        catch (Win32Exception exception)
        {
            throw new ProcessStartException($"{spec.Name}: {exception.Message}", exception);
        }
    }
}
