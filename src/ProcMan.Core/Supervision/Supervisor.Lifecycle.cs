using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Supervision.Probes;
using Serilog.Events;

namespace ProcMan.Supervision;

/// <summary>Starting instances when their dependencies hold, and acting on their exits: restart, end, skip.</summary>
internal sealed partial class Supervisor
{
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
        var run = new ProcessRun(instance.Name, process, new OutputSource(instance.Name, instance.Index), output, options.MaxLineLength, observers, options.Time, options.PartialLineDelay,
            stripAnsi: instance.Definition?.DisableAnsiColors == true);
        _runs.Add(run);
        instance.Started(run, byPolicy);
        _ = ReportExitAsync(instance, run);
        if (instance.Definition is { IsDaemon: true, LaunchTimeout: var launchTimeout })
            _ = Task.Delay(launchTimeout, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new LaunchTimedOut(instance, run, launchTimeout)), TaskScheduler.Default);

        if (instance.Definition?.ReadinessProbe is { } readiness)
        {
            _ = ProbeRunner.RunAsync(readiness, options.ProbeCheckFactory(readiness.Check, instance.Spec, launcher), options.Time,
                result => _mailbox.Writer.TryWrite(new ReadinessChanged(instance, run, result)), run.ProbesEnd);
        }
        if (instance.Definition?.LivenessProbe is { } liveness)
        {
            _ = ProbeRunner.RunAsync(liveness, options.ProbeCheckFactory(liveness.Check, instance.Spec, launcher), options.Time,
                result => { if (!result.Success) _mailbox.Writer.TryWrite(new LivenessFailed(instance, run, result)); }, run.ProbesEnd);
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
        if (!instance.Availability.ExitOnSkipped)
        {
            // process-compose's default: the skip is reported, but neither stops nor fails the run.
            Log(LogEvents.Skipped).Information("{Name} was skipped; the others run on (exit_on_skipped is false)", instance.Name);
            return;
        }

        _exitPolicy.Failed(ExitPolicy.SkippedCode);
        // A skip is a failed end (README): it stops everything, like a failure, whatever exit_on_end says.
        BeginStop($"{instance.Name} skipped", failure: true);
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

    private void OnExited(ProcessInstance instance, ProcessRun run, ExitStatus status)
    {
        run.ExitWasHandled();
        var failed = run.FailedLiveness || !(instance.Definition?.IsSuccess(status.Code) ?? status.IsSuccess);
        var onItsOwn = run == instance.Run && !_stopping && instance.State != ProcessState.Stopping;
        // A daemon's launch is not its end: its probes go on watching the daemon.
        var launches = onItsOwn && !failed && instance.Definition?.IsDaemon == true;
        if (!launches)
            run.EndProbes();
        // A failure ProcMan did not cause is a warning; an exit while ProcMan stops it is what it asked for.
        var failedOnItsOwn = onItsOwn && failed;
        Log(LogEvents.Exited).ForContext("ExitCode", status.Code).ForContext("Signal", status.Signal?.ToString()).ForContext("EndedBy", status.EndedBy)
            .Write(failedOnItsOwn ? LogEventLevel.Warning : LogEventLevel.Information, "{Name} {Status}", instance.Name, status.ToString());
        // With parent_only the signal reached the process alone: what of its group outlives it gets
        // the signal in its turn (and SIGKILL at the timeout, as always): no orphans.
        if (run.StopSent && !run.Killed && instance.Shutdown is { ParentOnly: true, Command: null } && run.Process.HasLiveTree)
            run.Process.SignalTree(instance.Shutdown.Signal);
        // Measured when the child exited, not now (its last lines may have come later).
        instance.AddRunTime(run.Age);
        if (_stopping)
            StopLeftovers(run);
        if (run != instance.Run)
            return;

        instance.Exited(status, failed, run.Age);
        if (instance.State == ProcessState.Stopping || _stopping)
        {
            StoppedAsAsked(instance);
            return;
        }

        if (launches)
        {
            // The launcher's success is the daemon's start, not an end: it runs until it is stopped.
            run.Launched();
            Log(LogEvents.Launched).Information("{Name} launched its daemon; it runs until it is stopped", instance.Name);
            return;
        }

        AfterRun(instance, run, status, failed);
    }

    /// <summary>It stopped because ProcMan asked: at rest, or, asked to restart, waiting to start again.</summary>
    private void StoppedAsAsked(ProcessInstance instance)
    {
        instance.MoveTo(ProcessState.Stopped);
        if (instance.RestartRequested && !_stopping)
        {
            instance.RestartDone();
            instance.MoveTo(ProcessState.Waiting);
        }
    }

    /// <summary>A run is over on its own (or its daemon is): restart it by policy, or it has ended.</summary>
    private void AfterRun(ProcessInstance instance, ProcessRun run, ExitStatus status, bool failed)
    {
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
            _ = Task.Delay(delay, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new RestartDue(instance, run)), TaskScheduler.Default);
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
            if (!instance.Availability.FailureStopsAll)
            {
                // Not a kind of its own: its exit was the event; this only says why nothing stops.
                log.Warning("{Name} failed ({How}); the others run on: a process waits for its end with process_completed", instance.Name, how);
                return;
            }
            BeginStop($"{instance.Name} failed ({how})", failure: true);
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
}
