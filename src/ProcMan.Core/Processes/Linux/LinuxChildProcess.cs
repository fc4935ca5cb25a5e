using System.Diagnostics;
using System.IO.Pipes;

namespace ProcMan.Processes.Linux;

/// <summary>A child started through <c>setsid</c>: its pid is also its process group and session id.</summary>
internal sealed class LinuxChildProcess : IChildProcess
{
    private readonly Process _process;

    public LinuxChildProcess(Process process)
    {
        _process = process;
        Pid = process.Id;
        StandardOutput = new ChildPipeStream((PipeStream)process.StandardOutput.BaseStream);
        StandardError = new ChildPipeStream((PipeStream)process.StandardError.BaseStream);
        Exited = WaitForExitAsync(process);
    }

    public int Pid { get; }

    public Stream StandardOutput { get; }

    public Stream StandardError { get; }

    public Task<ExitStatus> Exited { get; }

    // Signal 0 checks without sending; /proc is read only when it says yes. A group id is not
    // reused while the group has members.
    public bool HasLiveGroup => LibC.Kill(-Pid, 0) && ProcFileSystem.HasLiveMember(Pid);

    public void SignalGroup(UnixSignal signal)
    {
        // Right after the start, setsid may not have run yet: the child is then still in
        // ProcMan's group, and the signal goes to the child alone (it has no children yet).
        if (!LibC.Kill(-Pid, signal.Number) && !_process.HasExited)
            LibC.Kill(Pid, signal.Number);
    }

    public void KillEverything()
    {
        SignalGroup(UnixSignal.Kill);
        // Once the child is reaped its pid may be reused, so only its session is searched then,
        // not the children of whatever process now holds that pid.
        foreach (var pid in ProcFileSystem.FindLeftovers(Pid, includeDescendants: !_process.HasExited))
            LibC.Kill(pid, UnixSignal.Kill.Number);
    }

    public void Dispose() => _process.Dispose();

    private static async Task<ExitStatus> WaitForExitAsync(Process process)
    {
        // Only the exit matters here; the pipes are read, and waited for, elsewhere.
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ExitStatus(process.ExitCode);
    }
}
