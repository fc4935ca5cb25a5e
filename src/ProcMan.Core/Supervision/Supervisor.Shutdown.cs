using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Processes;
using Serilog.Events;

namespace ProcMan.Supervision;

/// <summary>Stopping: dependents first, each by its shutdown settings, SIGKILL after the timeout; leftovers and strays too; forgetting what is over.</summary>
internal sealed partial class Supervisor
{
    /// <param name="failure">A process failed: the stop is a warning, not routine.</param>
    /// <param name="byRequest">
    /// A stop from outside (a signal, <c>procman down</c>): it is never a failure, so nothing
    /// waiting is skipped; all that waits is stopped before it started.
    /// </param>
    private void BeginStop(string reason, bool failure = false, bool byRequest = false, string? howToForce = null, double graceSeconds = 0)
    {
        if (_stopping)
            return;
        _stopping = true;
        var level = failure ? LogEventLevel.Warning : LogEventLevel.Information;
        if (howToForce is null)
            Log(LogEvents.Stopping).Write(level, "stopping all processes: {Reason}", reason);
        else
            Log(LogEvents.Stopping).Write(level, "stopping all processes: {Reason}; {HowToForce} to force, grace period {GraceSeconds:0.###} s", reason, howToForce, graceSeconds);
        // A dependent whose dependency just failed is skipped, and says why, and so is whatever
        // waits on it, wherever it comes in the file; the rest simply won't start. A stop from
        // outside skips nothing: whatever waits is stopped.
        var skipped = !byRequest;
        while (skipped)
        {
            skipped = false;
            foreach (var instance in _instances.Where(i => i.State == ProcessState.Waiting))
            {
                if (_graph.Evaluate(instance) is DependencyTracker.Never(var why))
                {
                    Skip(instance, why);
                    skipped = true;
                }
            }
        }
        foreach (var instance in _instances.Where(i => i.State is ProcessState.Waiting or ProcessState.Restarting))
            instance.MoveTo(ProcessState.Stopped);
        foreach (var run in _runs)
            StopLeftovers(run);
        // A daemon that detached itself is one of ProcMan's strays: it is stopped in its turn, by its
        // shutdown, and what is left of the strays only after every daemon has had its turn.
        if (!_instances.Any(i => i.Run is { DaemonLaunched: true } && (i.IsUp || i.State == ProcessState.Stopping)))
            StopStrays();
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
        run.StopWasSent();
        var shutdown = instance.Shutdown;
        if (shutdown.Command is { } command)
        {
            Log(LogEvents.ShutdownCommand).Information("running the shutdown command of {Name}", instance.Name);
            RunShutdownCommand(instance, command, run);
        }
        else if (shutdown.ParentOnly)
        {
            Log(LogEvents.SignalSent).Information("sending {Signal} to {Name} (its parent process only)", shutdown.Signal.ToString(), instance.Name);
            run.Process.SignalParent(shutdown.Signal);
        }
        else
        {
            Log(LogEvents.SignalSent).Information("sending {Signal} to {Name}", shutdown.Signal.ToString(), instance.Name);
            run.Process.SignalTree(shutdown.Signal);
        }
        ScheduleKill(run, shutdown.Timeout ?? options.StopTimeout);
    }

    private void RunShutdownCommand(ProcessInstance instance, string command, ProcessRun stopping)
    {
        var spec = instance.Spec with { Name = $"{instance.Name} shutdown", Arguments = instance.Spec.ShellArguments(command) };
        try
        {
            var process = launcher.Start(spec);
            // Its output is the process's too, under the same prefix. It gets the process's
            // timeout too: a shutdown command that hangs is killed with what it was to stop.
            var run = new ProcessRun(spec.Name, process, new OutputSource(instance.Name, instance.Index), output, options.MaxLineLength, [instance.Counter], options.Time);
            // A shutdown command: nothing to stop, no exit to act on; only its time limit.
            run.StopWasSent();
            run.ExitWasHandled();
            _runs.Add(run);
            stopping.ShutdownStarted(run);
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

    /// <summary>
    /// A run that exited may have left background jobs in its group, holding its pipes: they
    /// get SIGTERM and, after the timeout, SIGKILL, like any process.
    /// </summary>
    private void StopLeftovers(ProcessRun run)
    {
        // A launched daemon is no leftover: it is stopped in its turn, by its own shutdown.
        if (run.StopSent || run.DaemonLaunched || !run.HasExited || (!run.IsOutputOpen && !run.Process.HasLiveTree))
            return;
        run.StopWasSent();
        run.Process.SignalTree(UnixSignal.Terminate);
        ScheduleKill(run, options.StopTimeout);
    }

    /// <summary>
    /// Stops the processes ProcMan adopted (descendants that left their process's group and
    /// session, and outlived their parent, or are in ProcMan's cgroup but no run's tree), each
    /// named once: SIGTERM, then SIGKILL after the stop timeout; SIGKILL at once once the first
    /// strays' timeout has passed. Returns how many are still alive.
    /// </summary>
    private int StopStrays()
    {
        var strays = launcher.FindStrays();
        var found = strays.Where(_straysStopped.Add).ToList();
        foreach (var stray in found)
        {
            Log(LogEvents.StrayStopped).Warning("stopping pid {Pid} ({Command}): it left the group and session of the process that started it",
                stray.Pid, stray.Command);
            launcher.Signal(stray, _strayDeadlinePassed ? UnixSignal.Kill : UnixSignal.Terminate);
        }
        if (found.Count > 0 && !_strayDeadlinePassed)
        {
            var after = options.StopTimeout;
            _ = Task.Delay(after, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new StraysTimedOut(found, after)), TaskScheduler.Default);
        }
        return strays.Count;
    }

    /// <summary>
    /// A launched daemon that was told to stop has stopped once its shutdown command has exited and
    /// nothing of what its launcher left is alive (or it was killed): then that is acted on as an
    /// exit would be: stopped as asked, or, stopped for a failed liveness probe, a failure.
    /// Returns whether one was.
    /// </summary>
    private bool SettleStoppedDaemons()
    {
        var settled = false;
        foreach (var instance in _instances.Where(i => i.IsUp || i.State == ProcessState.Stopping))
        {
            // Its shutdown command's last lines come before the news that the daemon has stopped.
            if (instance.Run is not { DaemonLaunched: true, StopSent: true } run || run.ShutdownRun is { HasExited: false } or { IsOutputOpen: true })
                continue;
            if (!run.Killed && (run.Process.HasLiveTree || run.IsOutputOpen))
            {
                // What dies without a child of ProcMan's exiting sends no news: look again shortly.
                RecheckSoon();
                continue;
            }

            settled = true;
            run.EndProbes();
            run.StopClock();
            instance.AddRunTime(run.Age - run.LaunchTook);
            Log(LogEvents.DaemonStopped).Information("{Name}'s daemon has stopped", instance.Name);
            if (instance.State == ProcessState.Stopping || _stopping)
                StoppedAsAsked(instance);
            else
                AfterRun(instance, run, instance.LastExit ?? ExitStatus.Exited(0), failed: run.FailedLiveness);
        }
        return settled;
    }

    private void RecheckSoon()
    {
        if (_recheckScheduled)
            return;
        _recheckScheduled = true;
        _ = Task.Delay(LeftoverRecheck, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new Recheck()), TaskScheduler.Default);
    }

    private void ScheduleKill(ProcessRun run, TimeSpan after) =>
        _ = Task.Delay(after, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new StopTimedOut(run, after)), TaskScheduler.Default);

    private void Kill(ProcessRun run, string why)
    {
        run.WasKilled();
        if (!run.HasExited)
            Log(LogEvents.Killed).ForContext("Signal", "SIGKILL").Warning("sending SIGKILL to {Name} {Why}", run.Name, why);
        run.Process.KillEverything();
    }

    /// <summary>
    /// A run whose child has exited, whose pipes are closed and whose tree is empty has nothing
    /// left to stop: it is released (its pid given up) and forgotten, so that nothing is ever
    /// sent to that pid again, whoever holds it next.
    /// </summary>
    private void ForgetFinishedRuns() =>
        _runs.RemoveAll(run =>
        {
            // A launched daemon's run lives on (its probes, its stop) until the daemon is over.
            if (!run.ExitHandled || !run.HasExited || run.IsOutputOpen || run.Process.HasLiveTree || (run.DaemonLaunched && !run.ProbesEnded))
                return false;
            run.Dispose();
            return true;
        });

    private async Task AbandonStuckOutputAsync()
    {
        var stuck = _runs.Where(r => r.IsOutputOpen).ToList();
        if (stuck.Count == 0)
            return;
        var allClosed = Task.WhenAll(stuck.Select(r => r.OutputOver));
        await Task.WhenAny(allClosed, Task.Delay(options.PipeGracePeriod, options.Time)).ConfigureAwait(false);
        foreach (var run in stuck.Where(r => r.IsOutputOpen))
        {
            log.Warning("{Name} exited but a process that left its group still holds its output open; no longer reading it", run.Name);
            run.AbandonOutput();
        }
        await allClosed.ConfigureAwait(false);
    }
}
