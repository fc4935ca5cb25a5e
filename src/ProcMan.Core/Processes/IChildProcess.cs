namespace ProcMan.Processes;

/// <summary>A running child process and its process group.</summary>
public interface IChildProcess : IDisposable
{
    int Pid { get; }

    /// <summary>The child's stdout, read as raw bytes.</summary>
    Stream StandardOutput { get; }

    /// <summary>The child's stderr, read as raw bytes.</summary>
    Stream StandardError { get; }

    /// <summary>
    /// Completes when the child itself has exited and been reaped. Its pipes may outlive it
    /// when a descendant inherited them.
    /// </summary>
    Task<ExitStatus> Exited { get; }

    /// <summary>
    /// Whether any process is still in the child's process group: its background jobs may
    /// outlive it, and must be stopped too.
    /// </summary>
    bool HasLiveGroup { get; }

    /// <summary>Sends <paramref name="signal"/> to the child's whole process group.</summary>
    void SignalGroup(UnixSignal signal);

    /// <summary>
    /// SIGKILLs the process group and then every remaining descendant, including those that
    /// left the group. The last resort after the grace period.
    /// </summary>
    void KillEverything();
}
