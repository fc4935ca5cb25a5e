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
}
