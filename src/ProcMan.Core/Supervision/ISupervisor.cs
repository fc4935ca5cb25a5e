namespace ProcMan.Supervision;

/// <summary>
/// What the control socket may ask of a running supervisor: every answer comes from its loop,
/// so callers on any thread see a consistent state.
/// </summary>
internal interface ISupervisor
{
    /// <summary>Every instance as it is now, in declaration order.</summary>
    Task<IReadOnlyList<InstanceSnapshot>> GetSnapshotAsync();

    /// <summary>Stops, starts or restarts the named processes or replicas; the answer is null, or what was wrong.</summary>
    Task<string?> ControlAsync(ControlAction action, IReadOnlyList<string> names);

    /// <summary>
    /// Completes with true once <paramref name="condition"/> holds for every named instance,
    /// false as soon as it never can; throws <see cref="ArgumentException"/> for an unknown name.
    /// </summary>
    Task<bool> WaitAsync(IReadOnlyList<string> names, WaitCondition condition, CancellationToken cancellation);

    /// <summary>Asks for everything to stop; safe to call from any thread, at any time.</summary>
    void RequestStop(StopRequest request);
}
