using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Supervision.Probes;

namespace ProcMan.Supervision;

/// <summary>What the supervisor's loop is told: every change of state starts as one of these.</summary>
internal sealed partial class Supervisor
{
    private abstract record Message;
    private sealed record RunExited(ProcessInstance Instance, ProcessRun Run, ExitStatus Status) : Message;
    private sealed record RunOutputEnded : Message;
    private sealed record LoggedReady(ProcessInstance Instance, ILineObserver Watcher) : Message;
    private sealed record ReadinessChanged(ProcessInstance Instance, ProcessRun Run, ProbeResult Result) : Message;
    private sealed record LivenessFailed(ProcessInstance Instance, ProcessRun Run, ProbeResult Result) : Message;
    /// <summary>The back-off after <paramref name="After"/> is over (stale if another run began since).</summary>
    private sealed record RestartDue(ProcessInstance Instance, ProcessRun After) : Message;
    private sealed record StopTimedOut(ProcessRun Run, TimeSpan After) : Message;
    /// <summary>A daemon's launch timeout is over (nothing to say if its launcher has exited by then).</summary>
    private sealed record LaunchTimedOut(ProcessInstance Instance, ProcessRun Run, TimeSpan After) : Message;
    private sealed record StraysTimedOut(IReadOnlyList<StrayProcess> Strays, TimeSpan After) : Message;
    private sealed record StopRequested(StopRequest Request) : Message;
    private sealed record Recheck : Message;
    private sealed record SnapshotQueried(TaskCompletionSource<IReadOnlyList<InstanceSnapshot>> Reply) : Message;
    private sealed record ControlRequested(ControlAction Action, IReadOnlyList<string> Names, TaskCompletionSource<string?> Reply) : Message;
    private sealed record WaitRequested(IReadOnlyList<string> Names, WaitCondition Condition, TaskCompletionSource<bool> Reply, CancellationToken Cancellation) : Message;

    /// <summary>A <c>procman wait</c> in progress: answered true when the condition holds, false when it never can.</summary>
    private sealed record Waiter(IReadOnlyList<ProcessInstance> Instances, WaitCondition Condition, TaskCompletionSource<bool> Reply, CancellationToken Cancellation);
}
