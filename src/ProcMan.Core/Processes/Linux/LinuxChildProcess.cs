using Microsoft.Win32.SafeHandles;
using ProcMan.Threading;

namespace ProcMan.Processes.Linux;

/// <summary>A child started by <see cref="PosixSpawn"/>: its pid is also its process group and session id.</summary>
internal sealed class LinuxChildProcess : IChildProcess
{
    /// <summary>Reported when the child cannot be waited for: something else reaped it.</summary>
    public const int UnknownExitCode = 255;

    // Kept open, never written: the child sees an empty stdin, not a closed one (some watch-mode tools exit on EOF).
    private readonly SafeFileHandle _standardInput;

    public LinuxChildProcess(PosixSpawn.Spawned spawned)
    {
        Pid = spawned.Pid;
        _standardInput = new SafeFileHandle(spawned.StandardInput, ownsHandle: true);
        StandardOutput = new ChildPipeStream(new SafeFileHandle(spawned.StandardOutput, ownsHandle: true));
        StandardError = new ChildPipeStream(new SafeFileHandle(spawned.StandardError, ownsHandle: true));
        Exited = WaitForExitAsync(Pid).ContinueWith(exit => new ExitStatus(exit.Result ?? UnknownExitCode),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public int Pid { get; }

    public Stream StandardOutput { get; }

    public Stream StandardError { get; }

    public Task<ExitStatus> Exited { get; }

    // Signal 0 checks without sending; /proc is read only when it says yes. A group id is not
    // reused while the group has members.
    public bool HasLiveGroup => LibC.Kill(-Pid, 0) && ProcFileSystem.HasLiveMember(Pid);

    public void SignalGroup(UnixSignal signal) => LibC.Kill(-Pid, signal.Number);

    public void KillEverything()
    {
        SignalGroup(UnixSignal.Kill);
        // Once the child is reaped its pid may be reused, so only its session is searched then,
        // not the children of whatever process now holds that pid.
        foreach (var pid in ProcFileSystem.FindLeftovers(Pid, includeDescendants: !Exited.IsCompleted))
            LibC.Kill(pid, UnixSignal.Kill.Number);
    }

    public void Dispose()
    {
        _standardInput.Dispose();
        StandardOutput.Dispose();
        StandardError.Dispose();
    }

    /// <summary>
    /// <see cref="LibC.WaitForExit"/> on a thread of its own, for any child ProcMan started: the
    /// runtime does not know it, so nobody else reaps it, and its pid stays its own (not
    /// reusable) until this wait returns.
    /// </summary>
    public static Task<int?> WaitForExitAsync(int pid) =>
        DedicatedThread.Run("procman reaper", 256 * 1024, () => LibC.WaitForExit(pid));
}
