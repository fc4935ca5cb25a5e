using ProcMan.Configuration;

namespace ProcMan.Supervision;

/// <summary>
/// The supervisor's answers to the control socket (ps, stop, start, restart, wait), the <see cref="ISupervisor"/> side of it: each request
/// is a message with its own reply slot, handled in the loop like every other event.
/// </summary>
internal sealed partial class Supervisor
{
    public Task<IReadOnlyList<InstanceSnapshot>> GetSnapshotAsync() =>
        Ask<IReadOnlyList<InstanceSnapshot>>(reply => new SnapshotQueried(reply));

    public Task<string?> ControlAsync(ControlAction action, IReadOnlyList<string> names) =>
        Ask<string?>(reply => new ControlRequested(action, names, reply));

    public async Task<bool> WaitAsync(IReadOnlyList<string> names, WaitCondition condition, CancellationToken cancellation)
    {
        var reply = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(new WaitRequested(names, condition, reply, cancellation)))
            return false;
        return await reply.Task.WaitAsync(cancellation).ConfigureAwait(false);
    }

    private async Task<T> Ask<T>(Func<TaskCompletionSource<T>, Message> message)
    {
        var reply = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(message(reply)))
            throw new InvalidOperationException("procman is shutting down");
        return await reply.Task.ConfigureAwait(false);
    }

    /// <summary>procman stop|start|restart: returns null, or what was wrong.</summary>
    private string? Control(ControlAction action, IReadOnlyList<string> names)
    {
        if (_stopping)
            return "procman is stopping all processes";
        if (Resolve(names, out var error) is not { } targets)
            return error;
        foreach (var instance in targets)
        {
            switch (action, instance.State)
            {
                case (ControlAction.Stop or ControlAction.Restart, ProcessState.Running or ProcessState.Ready):
                    instance.StopRequested(thenStart: action == ControlAction.Restart);
                    log.Information("{Name}: {Action} requested", instance.Name, action == ControlAction.Stop ? "stop" : "restart");
                    instance.MoveTo(ProcessState.Stopping);
                    if (!instance.Run!.StopSent)
                        SendStop(instance, instance.Run);
                    break;
                case (ControlAction.Stop, ProcessState.Waiting or ProcessState.Restarting):
                    instance.StopRequested(thenStart: false);
                    instance.MoveTo(ProcessState.Stopped);
                    log.Information("{Name} stopped on request", instance.Name);
                    break;
                case (ControlAction.Start or ControlAction.Restart, ProcessState.Stopping):
                    // It starts again as soon as it has stopped.
                    instance.StartOnceStopped();
                    break;
                case (ControlAction.Start or ControlAction.Restart, ProcessState.Restarting):
                    Start(instance);
                    break;
                case (ControlAction.Start or ControlAction.Restart, _) when instance.IsTerminal:
                    instance.StartRequested();
                    instance.MoveTo(ProcessState.Waiting);
                    log.Information("{Name}: start requested", instance.Name);
                    break;
            }
        }
        return null;
    }

    /// <summary>Names to instances: a replica's own name, or a process's (all its replicas).</summary>
    private List<ProcessInstance>? Resolve(IReadOnlyList<string> names, out string? error)
    {
        var unknown = names.Where(n => !_instances.Any(i => i.Name == n || i.ProcessName == n)).ToList();
        error = unknown.Count > 0 ? UnknownNames.Message(unknown, _instances.Select(i => i.ProcessName).Concat(_instances.Select(i => i.Name))) : null;
        return unknown.Count > 0 ? null : [.. _instances.Where(i => names.Contains(i.Name) || names.Contains(i.ProcessName))];
    }

    private void AnswerWaiters()
    {
        foreach (var waiter in _waiters.ToList())
        {
            bool? answer = waiter.Cancellation.IsCancellationRequested ? false : Holds(waiter);
            if (answer is { } holds)
            {
                waiter.Reply.TrySetResult(holds);
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>True: holds for all. False: can never hold for one. Null: not yet.</summary>
    private static bool? Holds(Waiter waiter)
    {
        var verdicts = waiter.Instances.Select<ProcessInstance, bool?>(instance => waiter.Condition switch
        {
            // Started and not since stopped on request (which a later start may undo).
            WaitCondition.Started => instance.State switch
            {
                ProcessState.Waiting => null,
                ProcessState.Skipped => false,
                ProcessState.Stopped => instance.StoppedByRequest ? null : (bool?)false,
                _ => true,
            },
            WaitCondition.Ready => IsReady(instance) ? true : instance.IsTerminal ? false : null,
            WaitCondition.Stopped => instance.IsTerminal ? true : null,
            // Asked to restart, it is stopping, waiting or restarting until it runs again.
            WaitCondition.Restarted => instance.State switch
            {
                ProcessState.Running or ProcessState.Ready or ProcessState.Completed => true,
                ProcessState.Failed or ProcessState.Skipped or ProcessState.Stopped => false,
                _ => null,
            },
            _ => instance.State == ProcessState.Completed ? true : instance.State is ProcessState.Failed or ProcessState.Skipped or ProcessState.Stopped ? false : null,
        }).ToList();
        return verdicts.Contains(false) ? false : verdicts.All(v => v == true) ? true : null;
    }

    /// <summary>Ready by its probe or ready line; a process with neither is ready once running.</summary>
    private static bool IsReady(ProcessInstance instance) =>
        instance.State == ProcessState.Ready
        || (instance.State == ProcessState.Running && instance.Definition?.ReadinessProbe is null && instance.Definition?.ReadyLogLine is null
            && (instance.Definition?.IsDaemon != true || instance.Run?.DaemonLaunched == true));

    private static InstanceSnapshot Snapshot(ProcessInstance instance) => new()
    {
        Name = instance.Name,
        Process = instance.ProcessName,
        Namespace = instance.Definition?.Namespace ?? ProcessDefinition.DefaultNamespace,
        State = instance.State,
        Pid = instance.Run?.Process.Pid,
        Uptime = instance.IsUp || instance.State == ProcessState.Stopping ? instance.Run!.Age : null,
        Restarts = Math.Max(0, instance.Starts - 1),
        ExitCode = instance.LastExit?.Code,
        Signal = instance.LastExit?.Signal,
        Ready = IsReady(instance),
        RunTime = instance.RunTime,
        Lines = instance.Counter.Lines,
        Bytes = instance.Counter.Bytes,
    };
}
