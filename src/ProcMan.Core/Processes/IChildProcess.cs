namespace ProcMan.Processes;

/// <summary>
/// A child process and its tree: its session and process group, and what their members started
/// that left both. Only processes of that tree are ever signalled through it, and none at all
/// once it is disposed (which also closes ProcMan's ends of its pipes).
/// </summary>
internal interface IChildProcess : IDisposable
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
    /// Whether the child or any process of its tree is alive: its background jobs may outlive
    /// it, and must be stopped too. False once disposed.
    /// </summary>
    bool HasLiveTree { get; }

    /// <summary>Sends <paramref name="signal"/> to the child and every process of its tree.</summary>
    void SignalTree(UnixSignal signal);

    /// <summary>
    /// Sends <paramref name="signal"/> to the child alone, not its group (<c>shutdown.parent_only</c>);
    /// nothing once it has exited.
    /// </summary>
    void SignalParent(UnixSignal signal);

    /// <summary>SIGKILLs the child and its whole tree. The last resort after the grace period.</summary>
    void KillEverything();
}
