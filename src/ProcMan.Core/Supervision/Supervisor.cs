using System.Threading.Channels;
using ProcMan.Configuration;
using ProcMan.Control;
using ProcMan.Logging;
using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Supervision.Probes;
using Serilog;

namespace ProcMan.Supervision;

/// <summary>
/// Runs the processes through their lives: starts each when its dependencies hold, watches
/// readiness and liveness, restarts by policy, and stops everything when an end calls for it
/// or a stop is requested, dependents before their dependencies. All state lives in the
/// instances and changes only in <see cref="RunAsync"/>'s loop, on messages from its mailbox:
/// signal handlers, process watchers, probes and timers only post.
/// </summary>
public sealed partial class Supervisor(
    IReadOnlyList<ProcessSpec> specs,
    IProcessLauncher launcher,
    OutputChannel output,
    ILogger log,
    SupervisorOptions options)
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
    private sealed record StraysTimedOut(IReadOnlyList<StrayProcess> Strays, TimeSpan After) : Message;
    private sealed record StopRequested(StopRequest Request) : Message;
    private sealed record Recheck : Message;
    private sealed record StatusQueried(TaskCompletionSource<IReadOnlyList<ProcessStatus>> Reply) : Message;
    private sealed record ControlRequested(ControlAction Action, IReadOnlyList<string> Names, TaskCompletionSource<string?> Reply) : Message;
    private sealed record WaitRequested(IReadOnlyList<string> Names, WaitCondition Condition, TaskCompletionSource<bool> Reply, CancellationToken Cancellation) : Message;

    /// <summary>A <c>procman wait</c> in progress: answered true when the condition holds, false when it never can.</summary>
    private sealed record Waiter(IReadOnlyList<ProcessInstance> Instances, WaitCondition Condition, TaskCompletionSource<bool> Reply, CancellationToken Cancellation);

    private readonly Channel<Message> _mailbox = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<ProcessInstance> _instances = [.. specs.Select((spec, index) => new ProcessInstance(spec, index))];
    private readonly List<ProcessRun> _runs = [];
    private readonly ExitPolicy _exitPolicy = new();
    private readonly List<Waiter> _waiters = [];
    private readonly HashSet<StrayProcess> _straysStopped = [];
    private DependencyTracker _graph = null!;
    private bool _stopping;
    private bool _stopRequested;
    private bool _forced;
    private bool _recheckScheduled;

    private static readonly TimeSpan LeftoverRecheck = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks for everything to stop; safe to call from any thread, at any time.</summary>
    public void RequestStop(StopRequest request) => _mailbox.Writer.TryWrite(new StopRequested(request));

    /// <summary>
    /// Runs until every instance has come to rest (completed, failed, skipped or stopped) and
    /// every run's output is in the channel. Returns ProcMan's exit code.
    /// </summary>
    public async Task<int> RunAsync()
    {
        _graph = new DependencyTracker(_instances);
        var first = true;
        while (true)
        {
            // A start that fails begins the stop without any message to come: the stop
            // proceeds here, before waiting for news, the first time as every time.
            StartWhatCan(announceWaits: first);
            first = false;
            if (_stopping)
                StopWhatCan();
            AnswerWaiters();
            ForgetFinishedRuns();
            if (IsFinished())
                break;
            Handle(await _mailbox.Reader.ReadAsync().ConfigureAwait(false));
        }

        // Nothing changes any more: answer what is still asked.
        _mailbox.Writer.TryComplete();
        AnswerWaiters();
        foreach (var waiter in _waiters)
            waiter.Reply.TrySetResult(false);
        while (_mailbox.Reader.TryRead(out var late))
        {
            switch (late)
            {
                case StatusQueried(var reply):
                    reply.TrySetResult([.. _instances.Select(Status)]);
                    break;
                case ControlRequested(_, _, var reply):
                    reply.TrySetResult("procman is exiting");
                    break;
                case WaitRequested(_, _, var reply, _):
                    reply.TrySetResult(false);
                    break;
            }
        }

        await AbandonStuckOutputAsync().ConfigureAwait(false);
        FinalSummary = [.. _instances.Select(Summarize)];
        foreach (var run in _runs)
            run.Dispose();
        return _exitPolicy.ExitCode;
    }

    /// <summary>Every instance as it ended, for the exit summary; set when <see cref="RunAsync"/> returns.</summary>
    public IReadOnlyList<SummaryRow> FinalSummary { get; private set; } = [];

    private ILogger Log(string kind) => log.ForContext(LogEvents.Property, kind);

    private static SummaryRow Summarize(ProcessInstance instance) => new(
        instance.Name,
        instance.Run?.Process.Pid,
        instance.State.ToString().ToLowerInvariant(),
        instance.LastExit?.Code,
        instance.LastExit?.Signal?.ToString(),
        Math.Max(0, instance.Starts - 1),
        instance.RunTime,
        instance.Counter.Lines,
        instance.Counter.Bytes);

    /// <summary>
    /// Everything is at rest and its output is in; but instances stopped on request keep ProcMan
    /// up, waiting for a <c>procman start</c>, unless ProcMan itself is stopping.
    /// </summary>
    private bool IsFinished()
    {
        if (!_instances.All(i => i.IsTerminal) || (!_stopping && _instances.Any(i => i.StoppedByRequest)))
            return false;
        // At rest, but what the runs left behind in their groups is stopped too, and waited for.
        foreach (var run in _runs)
            StopLeftovers(run);
        var leftovers = _runs.Where(r => !r.Killed && !r.IsOutputOpen && r.Process.HasLiveTree).ToList();
        var strays = StopStrays();
        if ((leftovers.Count > 0 || strays > 0) && !_recheckScheduled)
        {
            // A leftover that closed its pipes dies without any event: look again shortly.
            _recheckScheduled = true;
            _ = Task.Delay(LeftoverRecheck).ContinueWith(_ => _mailbox.Writer.TryWrite(new Recheck()), TaskScheduler.Default);
        }
        return leftovers.Count == 0 && strays == 0 && _runs.All(r => r.Killed || !r.IsOutputOpen);
    }

    /// <summary>
    /// A run whose child has exited, whose pipes are closed and whose tree is empty has nothing
    /// left to stop: it is released (its pid given up) and forgotten, so that nothing is ever
    /// sent to that pid again, whoever holds it next.
    /// </summary>
    private void ForgetFinishedRuns() =>
        _runs.RemoveAll(run =>
        {
            if (!run.ExitHandled || !run.HasExited || run.IsOutputOpen || run.Process.HasLiveTree)
                return false;
            run.Dispose();
            return true;
        });

    /// <summary>
    /// Stops the processes ProcMan adopted (descendants that left their process's group and
    /// session, and outlived their parent), each named once: SIGTERM, then SIGKILL after the
    /// stop timeout. Returns how many are still alive.
    /// </summary>
    private int StopStrays()
    {
        var strays = launcher.FindStrays();
        var found = strays.Where(_straysStopped.Add).ToList();
        foreach (var stray in found)
        {
            Log(LogEvents.StrayStopped).Warning("stopping pid {Pid} ({Command}): it left the group and session of the process that started it",
                stray.Pid, stray.Command);
            launcher.Signal(stray, UnixSignal.Terminate);
        }
        if (found.Count > 0)
        {
            var after = options.StopTimeout;
            _ = Task.Delay(after).ContinueWith(_ => _mailbox.Writer.TryWrite(new StraysTimedOut(found, after)), TaskScheduler.Default);
        }
        return strays.Count;
    }

    private void Handle(Message message)
    {
        switch (message)
        {
            case Recheck:
                _recheckScheduled = false;
                break;
            case RunExited(var instance, var run, var status):
                OnExited(instance, run, status);
                break;
            case LoggedReady(var instance, var watcher) when instance.Run?.Observers.Contains(watcher) == true:
                instance.HasLoggedReady = true;
                if (instance.State == ProcessState.Running && instance.Definition?.ReadinessProbe is null)
                {
                    instance.MoveTo(ProcessState.Ready);
                    Log(LogEvents.Ready).Information("{Name} is ready (printed its ready_log_line)", instance.Name);
                }
                break;
            case ReadinessChanged(var instance, var run, var result) when run == instance.Run && instance.IsUp:
                if (result.Success && instance.State == ProcessState.Running)
                {
                    instance.MoveTo(ProcessState.Ready);
                    Log(LogEvents.Ready).Information("{Name} is ready: {Summary}", instance.Name, result.Summary);
                }
                else if (!result.Success)
                {
                    if (instance.State == ProcessState.Ready)
                        instance.MoveTo(ProcessState.Running);
                    Log(LogEvents.NotReady).Warning("{Name} is not ready (readiness probe): {Summary}", instance.Name, result.Summary);
                }
                break;
            case LivenessFailed(var instance, var run, var result) when run == instance.Run && instance.IsUp && !run.StopSent:
                Log(LogEvents.Unhealthy).Warning("{Name} is unhealthy (liveness probe): {Summary}; stopping it", instance.Name, result.Summary);
                run.FailedLiveness = true;
                SendStop(instance, run);
                break;
            case RestartDue(var instance, var after) when instance.State == ProcessState.Restarting && instance.Run == after && !_stopping:
                Start(instance, byPolicy: true);
                break;
            case StraysTimedOut(var strays, _):
                foreach (var stray in strays)
                    launcher.Signal(stray, UnixSignal.Kill);
                break;
            case StopTimedOut(var run, var after) when !run.Killed && (!run.HasExited || run.IsOutputOpen || run.Process.HasLiveTree):
                Kill(run, $"after {after.TotalSeconds:0.###} s");
                break;
            case StopRequested(var request) when !_stopRequested:
                // The first request stops gracefully, even when an end already began the stop.
                _stopRequested = true;
                _exitPolicy.StopRequested(request.ExitCode);
                BeginStop(request.Reason);
                break;
            case StatusQueried(var reply):
                reply.TrySetResult([.. _instances.Select(Status)]);
                break;
            case ControlRequested(var action, var names, var reply):
                reply.TrySetResult(Control(action, names));
                break;
            case WaitRequested(var names, var condition, var reply, var cancellation):
                if (Resolve(names, out var error) is { } waitedFor)
                    _waiters.Add(new Waiter(waitedFor, condition, reply, cancellation));
                else
                    reply.TrySetException(new ArgumentException(error));
                break;
            case StopRequested(var request) when request.ForcesOnRepeat && !_forced:
                _forced = true;
                foreach (var run in _runs.Where(r => !r.Killed && (!r.HasExited || r.IsOutputOpen || r.Process.HasLiveTree)))
                    Kill(run, $"({request.Reason} again)");
                break;
        }
    }

    private void OnExited(ProcessInstance instance, ProcessRun run, ExitStatus status)
    {
        run.ExitHandled = true;
        run.EndProbes();
        Log(LogEvents.Exited).ForContext("ExitCode", status.Code).ForContext("Signal", status.Signal?.ToString())
            .Information("{Name} {Status}", instance.Name, status.ToString());
        // Measured when the child exited, not now (its last lines may have come later).
        instance.RunTime += run.Age;
        if (_stopping)
            StopLeftovers(run);
        if (run != instance.Run)
            return;

        var failed = run.FailedLiveness || !(instance.Definition?.IsSuccess(status.Code) ?? status.IsSuccess);
        instance.Exited(status, failed, run.Age);
        if (instance.State == ProcessState.Stopping || _stopping)
        {
            instance.MoveTo(ProcessState.Stopped);
            if (instance.RestartRequested && !_stopping)
            {
                instance.RestartRequested = false;
                instance.StoppedByRequest = false;
                instance.MoveTo(ProcessState.Waiting);
            }
            return;
        }

        if (instance.ShouldRestart(failed))
        {
            var delay = instance.NextBackoff();
            instance.MoveTo(ProcessState.Restarting);
            var limit = instance.Availability.MaxRestarts;
            // Two templates rather than an " of N" property, so that JSON gets a number (max_restarts) or nothing.
            var restarting = Log(LogEvents.Restarting);
            if (limit == 0)
                restarting.Information("{Name} restarting in {DelaySeconds:0.###} s (attempt {Attempt})", instance.Name, delay.TotalSeconds, instance.Restarts + 1);
            else
                restarting.Information("{Name} restarting in {DelaySeconds:0.###} s (attempt {Attempt} of {MaxRestarts})", instance.Name, delay.TotalSeconds, instance.Restarts + 1, limit);
            _ = Task.Delay(delay).ContinueWith(_ => _mailbox.Writer.TryWrite(new RestartDue(instance, run)), TaskScheduler.Default);
            return;
        }

        instance.MoveTo(failed ? ProcessState.Failed : ProcessState.Completed);
        Ended(instance, status, failed);
    }

    /// <summary>An instance ended on its own: the exit policy decides whether that stops everything.</summary>
    private void Ended(ProcessInstance instance, ExitStatus? status, bool failed)
    {
        var how = status?.ToString() ?? "could not be started";
        if (failed)
        {
            _exitPolicy.Failed(status?.Code ?? ProcessStartException.ExitCode);
            BeginStop($"{instance.Name} failed ({how})");
        }
        else if (instance.Availability.ExitOnEnd)
        {
            _exitPolicy.EndedAndStoppedEverything(status?.Code ?? 0);
            BeginStop($"{instance.Name} ended ({how}); to let the others run on, set availability.exit_on_end: false on {instance.ProcessName}");
        }
        else
        {
            Log(LogEvents.Completed).Information("{Name} completed; the others run on (exit_on_end is false)", instance.Name);
        }
    }

    /// <summary>Starts every waiting instance whose dependencies hold; skips those whose never can.</summary>
    private void StartWhatCan(bool announceWaits)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var instance in _instances.Where(i => i.State == ProcessState.Waiting && !_stopping))
            {
                switch (_graph.Evaluate(instance))
                {
                    case DependencyTracker.Met:
                        Start(instance);
                        changed = true;
                        break;
                    case DependencyTracker.Never(var reason):
                        Skip(instance, reason);
                        changed = true;
                        break;
                }
            }
        }
        while (changed);

        if (!announceWaits)
            return;
        foreach (var instance in _instances.Where(i => i.State == ProcessState.Waiting))
        {
            if (_graph.Evaluate(instance) is DependencyTracker.Pending(var waitingFor))
                Log(LogEvents.Waiting).Information("{Name} is waiting for {WaitingFor}", instance.Name, waitingFor);
        }
    }

    private void Skip(ProcessInstance instance, string reason)
    {
        instance.MoveTo(ProcessState.Skipped);
        Log(LogEvents.Skipped).Warning("{Name} skipped: {Reason}", instance.Name, reason);
        _exitPolicy.Failed(ExitPolicy.SkippedCode);
    }

    private void Start(ProcessInstance instance, bool byPolicy = false)
    {
        IChildProcess process;
        try
        {
            process = launcher.Start(instance.Spec);
        }
        catch (ProcessStartException exception)
        {
            Log(LogEvents.StartFailed).Error("{Name} could not be started: {Reason}", instance.Name, exception.Message);
            instance.MoveTo(ProcessState.Failed);
            Ended(instance, null, failed: true);
            return;
        }

        ReadyLineWatcher? readyLine = null;
        if (instance.Definition?.ReadyLogLine is { } text)
            readyLine = new ReadyLineWatcher(text, () => _mailbox.Writer.TryWrite(new LoggedReady(instance, readyLine!)));
        // Said before the pumps start, so that it comes before the child's first line.
        Log(LogEvents.Started).Information("{Name} started with pid {Pid}", instance.Name, process.Pid);
        ILineObserver[] observers = readyLine is null ? [instance.Counter] : [instance.Counter, readyLine];
        var run = new ProcessRun(instance.Name, process, new OutputSource(instance.Name, instance.Index), output, options.MaxLineLength, observers);
        _runs.Add(run);
        instance.Started(run, byPolicy);
        _ = ReportExitAsync(instance, run);

        if (instance.Definition?.ReadinessProbe is { } readiness)
            _ = ProbeRunner.RunAsync(readiness, instance.Spec, launcher, result => _mailbox.Writer.TryWrite(new ReadinessChanged(instance, run, result)), run.ProbesEnd);
        if (instance.Definition?.LivenessProbe is { } liveness)
            _ = ProbeRunner.RunAsync(liveness, instance.Spec, launcher,
                result => { if (!result.Success) _mailbox.Writer.TryWrite(new LivenessFailed(instance, run, result)); }, run.ProbesEnd);
    }

    private void BeginStop(string reason)
    {
        if (_stopping)
            return;
        _stopping = true;
        Log(LogEvents.Stopping).Information("stopping all processes: {Reason}", reason);
        foreach (var instance in _instances)
        {
            // A dependent whose dependency just failed is skipped, and says why; the rest simply won't start.
            if (instance.State == ProcessState.Waiting && _graph.Evaluate(instance) is DependencyTracker.Never(var why))
                Skip(instance, why);
            else if (instance.State is ProcessState.Waiting or ProcessState.Restarting)
                instance.MoveTo(ProcessState.Stopped);
        }
        foreach (var run in _runs)
            StopLeftovers(run);
        StopStrays();
    }

    /// <summary>
    /// A run that exited may have left background jobs in its group, holding its pipes: they
    /// get SIGTERM and, after the timeout, SIGKILL, like any process.
    /// </summary>
    private void StopLeftovers(ProcessRun run)
    {
        if (run.StopSent || !run.HasExited || (!run.IsOutputOpen && !run.Process.HasLiveTree))
            return;
        run.StopSent = true;
        run.Process.SignalTree(UnixSignal.Terminate);
        ScheduleKill(run, options.StopTimeout);
    }

    /// <summary>Stops every running instance that no running instance depends on: dependents first, the rest in parallel.</summary>
    private void StopWhatCan()
    {
        foreach (var instance in _instances.Where(i => i.IsUp && _graph.DependentsAreDone(i)).ToList())
        {
            instance.MoveTo(ProcessState.Stopping);
            if (!instance.Run!.StopSent)
                SendStop(instance, instance.Run);
        }
    }

    /// <summary>The process's own shutdown: its command or its signal, then SIGKILL after its timeout.</summary>
    private void SendStop(ProcessInstance instance, ProcessRun run)
    {
        run.StopSent = true;
        var shutdown = instance.Shutdown;
        if (shutdown.Command is { } command)
        {
            Log(LogEvents.ShutdownCommand).Information("running the shutdown command of {Name}", instance.Name);
            RunShutdownCommand(instance, command);
        }
        else
        {
            Log(LogEvents.SignalSent).Information("sending {Signal} to {Name}", shutdown.Signal.ToString(), instance.Name);
            run.Process.SignalTree(shutdown.Signal);
        }
        ScheduleKill(run, shutdown.Timeout ?? options.StopTimeout);
    }

    private void RunShutdownCommand(ProcessInstance instance, string command)
    {
        var spec = instance.Spec with { Name = $"{instance.Name} shutdown", Arguments = ["/bin/sh", "-c", command] };
        try
        {
            var process = launcher.Start(spec);
            // Its output is the process's too, under the same prefix. It gets the process's
            // timeout too: a shutdown command that hangs is killed with what it was to stop.
            var run = new ProcessRun(spec.Name, process, new OutputSource(instance.Name, instance.Index), output, options.MaxLineLength, [instance.Counter]) { StopSent = true, ExitHandled = true };
            _runs.Add(run);
            ScheduleKill(run, instance.Shutdown.Timeout ?? options.StopTimeout);
            _ = process.Exited.ContinueWith(_ => _mailbox.Writer.TryWrite(new RunOutputEnded()), TaskScheduler.Default);
            _ = run.Output.ContinueWith(_ => _mailbox.Writer.TryWrite(new RunOutputEnded()), TaskScheduler.Default);
        }
        catch (ProcessStartException exception)
        {
            log.Error("the shutdown command of {Name} could not be started: {Reason}; sending SIGTERM", instance.Name, exception.Message);
            instance.Run!.Process.SignalTree(UnixSignal.Terminate);
        }
    }

    private void ScheduleKill(ProcessRun run, TimeSpan after) =>
        _ = Task.Delay(after).ContinueWith(_ => _mailbox.Writer.TryWrite(new StopTimedOut(run, after)), TaskScheduler.Default);

    private void Kill(ProcessRun run, string why)
    {
        run.Killed = true;
        if (!run.HasExited)
            Log(LogEvents.Killed).ForContext("Signal", "SIGKILL").Warning("sending SIGKILL to {Name} {Why}", run.Name, why);
        run.Process.KillEverything();
    }

    /// <summary>
    /// Posts the exit once the run's last lines are in the channel too (or once its pipes have
    /// been quiet a short grace, when a background job holds them, so that it cannot change
    /// which end came first), so that "exited" follows them; then posts again when its pipes
    /// finally close.
    /// </summary>
    private async Task ReportExitAsync(ProcessInstance instance, ProcessRun run)
    {
        var status = await run.Process.Exited.ConfigureAwait(false);
        run.StopClock();
        await run.OutputSettledAsync(options.ExitReportGrace).ConfigureAwait(false);
        _mailbox.Writer.TryWrite(new RunExited(instance, run, status));
        await run.OutputOver.ConfigureAwait(false);
        _mailbox.Writer.TryWrite(new RunOutputEnded());
    }

    private async Task AbandonStuckOutputAsync()
    {
        var stuck = _runs.Where(r => r.IsOutputOpen).ToList();
        if (stuck.Count == 0)
            return;
        var allClosed = Task.WhenAll(stuck.Select(r => r.OutputOver));
        await Task.WhenAny(allClosed, Task.Delay(options.PipeGracePeriod)).ConfigureAwait(false);
        foreach (var run in stuck.Where(r => r.IsOutputOpen))
        {
            log.Warning("{Name} exited but a process that left its group still holds its output open; no longer reading it", run.Name);
            run.AbandonOutput();
        }
        await allClosed.ConfigureAwait(false);
    }
}
