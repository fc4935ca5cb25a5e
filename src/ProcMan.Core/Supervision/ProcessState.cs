namespace ProcMan.Supervision;

/// <summary>Where one process instance is in its life. See <see cref="ProcessInstance"/> for the transitions.</summary>
internal enum ProcessState
{
    /// <summary>Not started yet: some dependency does not hold yet.</summary>
    Waiting,

    /// <summary>Started, not (or no longer) ready.</summary>
    Running,

    /// <summary>Started and ready: its readiness probe passes, or it printed its ready line.</summary>
    Ready,

    /// <summary>Exited; will be started again when its back-off is over.</summary>
    Restarting,

    /// <summary>Told to stop by ProcMan; not exited yet.</summary>
    Stopping,

    /// <summary>Ended on its own with a success code, and not restarted.</summary>
    Completed,

    /// <summary>Ended on its own with a failure (a code not counted as success, a signal, or no start), and not restarted.</summary>
    Failed,

    /// <summary>Never started: a dependency can never hold.</summary>
    Skipped,

    /// <summary>Stopped by ProcMan, or never started because ProcMan was stopping.</summary>
    Stopped,
}
