namespace ProcMan.Supervision;

/// <summary>What <c>procman wait --for</c> waits for.</summary>
internal enum WaitCondition
{
    /// <summary>Every instance has been started.</summary>
    Started,

    /// <summary>Every instance is ready (by its probe or ready line; else running).</summary>
    Ready,

    /// <summary>Every instance completed successfully.</summary>
    Completed,

    /// <summary>Every instance is at rest (stopped, completed, failed or skipped): a <c>procman stop</c> is done.</summary>
    Stopped,

    /// <summary>Every instance is running again (or already completed): a <c>procman restart</c> is done.</summary>
    Restarted,
}
