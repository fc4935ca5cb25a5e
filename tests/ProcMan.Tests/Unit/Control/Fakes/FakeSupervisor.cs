using ProcMan.Supervision;

namespace ProcMan.Tests.Unit.Control.Fakes;

/// <summary>An <see cref="ISupervisor"/> that answers what the test sets and records what it was asked.</summary>
internal sealed class FakeSupervisor : ISupervisor
{
    /// <summary>What <see cref="GetSnapshotAsync"/> answers.</summary>
    public List<InstanceSnapshot> Instances { get; } = [];

    /// <summary>What <see cref="ControlAsync"/> answers: null (done) or an error.</summary>
    public string? ControlAnswer { get; set; }

    /// <summary>Completes the waits; left pending, a wait ends only by its cancellation.</summary>
    public TaskCompletionSource<bool> WaitAnswer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Thrown by <see cref="WaitAsync"/> when set (as the supervisor does for an unknown name).</summary>
    public Exception? WaitError { get; set; }

    public List<(ControlAction Action, IReadOnlyList<string> Names)> ControlCalls { get; } = [];

    public List<(IReadOnlyList<string> Names, WaitCondition Condition)> WaitCalls { get; } = [];

    public List<StopRequest> StopRequests { get; } = [];

    public Task<IReadOnlyList<InstanceSnapshot>> GetSnapshotAsync() =>
        Task.FromResult<IReadOnlyList<InstanceSnapshot>>([.. Instances]);

    public Task<string?> ControlAsync(ControlAction action, IReadOnlyList<string> names)
    {
        ControlCalls.Add((action, names));
        return Task.FromResult(ControlAnswer);
    }

    public Task<bool> WaitAsync(IReadOnlyList<string> names, WaitCondition condition, CancellationToken cancellation)
    {
        WaitCalls.Add((names, condition));
        return WaitError is { } error ? Task.FromException<bool>(error) : WaitAnswer.Task.WaitAsync(cancellation);
    }

    public void RequestStop(StopRequest request) => StopRequests.Add(request);
}
