using Microsoft.Win32.SafeHandles;
using ProcMan.Processes;

namespace ProcMan.Processes.Linux;

/// <summary>
/// A child started by <see cref="PosixSpawn"/>: its pid is also its process group and session
/// id. It is held by a pidfd, and left unreaped after it exits (its exit status is read without
/// reaping) until it is disposed: until then its pid, group id and session id cannot be reused,
/// so that signalling its tree can never reach another process. Once disposed it is never
/// signalled again.
/// </summary>
internal sealed class LinuxChildProcess : IChildProcess
{
    /// <summary>Reported when the child cannot be waited for: something else reaped it.</summary>
    public const int UnknownExitCode = ExitCodes.UnknownExit;

    private readonly object _gate = new();
    // Kept open, never written, until the child exits: it sees an empty stdin, not a closed one
    // (some watch-mode tools exit on EOF).
    private readonly SafeFileHandle _standardInput;
    private readonly int _pidfd;
    private readonly Task<ExitStatus?> _waited;
    private bool _released;
    private bool _reaped;

    public LinuxChildProcess(PosixSpawn.Spawned spawned)
    {
        Pid = spawned.Pid;
        // Opened before anything can reap it, so it names this child (-1 before Linux 5.3: the
        // unreaped pid is then used, which is as safe for the child itself).
        _pidfd = LibC.OpenPidfd(Pid);
        _standardInput = new SafeFileHandle(spawned.StandardInput, ownsHandle: true);
        StandardOutput = new ChildPipeStream(new SafeFileHandle(spawned.StandardOutput, ownsHandle: true));
        StandardError = new ChildPipeStream(new SafeFileHandle(spawned.StandardError, ownsHandle: true));
        _waited = WaitForExitAsync(Pid);
        Exited = _waited.ContinueWith(exit =>
            {
                _standardInput.Dispose();
                ReapIfReleased();
                return exit.Result ?? ExitStatus.Exited(UnknownExitCode);
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public int Pid { get; }

    public Stream StandardOutput { get; }

    public Stream StandardError { get; }

    public Task<ExitStatus> Exited { get; }

    public bool HasLiveTree
    {
        get
        {
            lock (_gate)
                return !_released && (!Exited.IsCompleted || ProcessTree.HasLiveMember(Pid));
        }
    }

    public void SignalTree(UnixSignal signal)
    {
        lock (ChildReaper.Gate)
        lock (_gate)
        {
            if (_released)
                return;
            // Read first: once the leader dies its children are reparented, and no longer of it by parentage.
            var members = ProcessTree.Members(Pid, ProcessTree.ReadingFor(Pid));
            if (!Exited.IsCompleted)
            {
                if (_pidfd >= 0)
                    LibC.SignalPidfd(_pidfd, signal.Number);
                else
                    LibC.Kill(Pid, signal.Number);
            }
            // Unreaped, the child holds its group and session ids: only its tree has them.
            LibC.Kill(-Pid, signal.Number);
            ProcessTree.Signal(members, signal.Number);
        }
    }

    public void SignalParent(UnixSignal signal)
    {
        lock (_gate)
        {
            // Unreaped, the pid is still the child's even once it has exited; then there is nothing to stop.
            if (_released || Exited.IsCompleted)
                return;
            if (_pidfd >= 0)
                LibC.SignalPidfd(_pidfd, signal.Number);
            else
                LibC.Kill(Pid, signal.Number);
        }
    }

    public void KillEverything() => SignalTree(UnixSignal.Kill);

    /// <summary>Closes ProcMan's ends of the pipes and lets the child be reaped once it has exited.</summary>
    public void Dispose()
    {
        StandardOutput.Dispose();
        StandardError.Dispose();
        lock (_gate)
            _released = true;
        ReapIfReleased();
    }

    /// <summary>Reaps the child once it has both exited and been released, whichever comes last.</summary>
    private void ReapIfReleased()
    {
        lock (_gate)
        {
            if (!_released || !_waited.IsCompleted || _reaped)
                return;
            _reaped = true;
        }
        ChildReaper.Reap(Pid);
        if (_pidfd >= 0)
            LibC.Close(_pidfd);
    }

    /// <summary>
    /// Waits for the child <paramref name="pid"/> on a thread of its own: the runtime does not
    /// know it, so nobody else waits for it. It stays a zombie, its pid its own, until
    /// <see cref="ChildReaper.Reap"/>.
    /// </summary>
    public static Task<ExitStatus?> WaitForExitAsync(int pid) =>
        DedicatedThread.Run("procman reaper", 256 * 1024, () => LibC.WaitForExitKeepingZombie(pid));
}
