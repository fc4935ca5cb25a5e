using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision;

/// <summary>
/// The state machine of one process instance (a process, or one replica of it). Every state
/// change goes through <see cref="MoveTo"/>, which refuses a transition that is not in
/// <see cref="Transitions"/>; the supervisor's loop is the only caller.
/// </summary>
internal sealed class ProcessInstance(ProcessSpec spec, int index)
{
    private static readonly Dictionary<ProcessState, ProcessState[]> Transitions = new()
    {
        [ProcessState.Waiting] = [ProcessState.Running, ProcessState.Failed, ProcessState.Skipped, ProcessState.Stopped],
        [ProcessState.Running] = [ProcessState.Ready, ProcessState.Restarting, ProcessState.Stopping, ProcessState.Completed, ProcessState.Failed, ProcessState.Stopped],
        [ProcessState.Ready] = [ProcessState.Running, ProcessState.Restarting, ProcessState.Stopping, ProcessState.Completed, ProcessState.Failed, ProcessState.Stopped],
        [ProcessState.Restarting] = [ProcessState.Running, ProcessState.Failed, ProcessState.Stopped],
        [ProcessState.Stopping] = [ProcessState.Stopped],
        // From rest back to Waiting only by request (procman start/restart).
        [ProcessState.Completed] = [ProcessState.Waiting],
        [ProcessState.Failed] = [ProcessState.Waiting],
        [ProcessState.Skipped] = [ProcessState.Waiting],
        [ProcessState.Stopped] = [ProcessState.Waiting],
    };

    public ProcessSpec Spec { get; } = spec;

    /// <summary>Its position among all instances, which picks its colour.</summary>
    public int Index { get; } = index;

    public string Name => Spec.Name;

    /// <summary>The declared process (all replicas share it); a bare spec gets the defaults.</summary>
    public ProcessDefinition? Definition => Spec.Definition;

    public string ProcessName => Definition?.Name ?? Spec.Name;

    public Availability Availability => Definition?.Availability ?? Availability.Default;

    public ShutdownSettings Shutdown => Definition?.Shutdown ?? ShutdownSettings.Default;

    public ProcessState State { get; private set; } = ProcessState.Waiting;

    /// <summary>Lines and bytes written, over all runs.</summary>
    public Output.LineCounter Counter { get; } = new();

    /// <summary>The current (or last) run: the started child with its pumps and probes.</summary>
    public ProcessRun? Run { get; private set; }

    /// <summary>Has been started at least once.</summary>
    public bool HasStarted => Run is not null;

    /// <summary>Has printed its <c>ready_log_line</c> (in any run).</summary>
    public bool HasLoggedReady { get; private set; }

    public ExitStatus? LastExit { get; private set; }

    /// <summary>The total time its runs ran (those that have exited).</summary>
    public TimeSpan RunTime { get; private set; }

    /// <summary>How many times its restart policy restarted it (what <c>max_restarts</c> limits).</summary>
    public int Restarts { get; private set; }

    /// <summary>How many times it has been started, for whatever reason.</summary>
    public int Starts { get; private set; }

    /// <summary>Stopped through the control socket: its rest is not an end, and ProcMan waits for a start.</summary>
    public bool StoppedByRequest { get; private set; }

    /// <summary>A restart was requested: once stopped, it goes back to Waiting.</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Failed exits since it last ran long enough to count as healthy again; sets the back-off.</summary>
    public int ConsecutiveFailures { get; private set; }

    public bool IsTerminal => State is ProcessState.Completed or ProcessState.Failed or ProcessState.Skipped or ProcessState.Stopped;

    /// <summary>Running or ready: there is a live child to stop.</summary>
    public bool IsUp => State is ProcessState.Running or ProcessState.Ready;

    public void MoveTo(ProcessState next)
    {
        if (!Transitions[State].Contains(next))
            throw new InvalidOperationException($"{Name}: no transition from {State} to {next}");
        State = next;
    }

    /// <summary>A new run begins: Waiting or Restarting to Running.</summary>
    /// <param name="byPolicy">Its restart policy started it again (what <c>max_restarts</c> counts), not a request.</param>
    public void Started(ProcessRun run, bool byPolicy)
    {
        if (byPolicy)
            Restarts++;
        Starts++;
        MoveTo(ProcessState.Running);
        Run = run;
    }

    /// <summary>It printed its <c>ready_log_line</c>.</summary>
    public void LoggedReady() => HasLoggedReady = true;

    /// <summary>A run of it (the current one or an earlier one) exited after <paramref name="ranFor"/>.</summary>
    public void AddRunTime(TimeSpan ranFor) => RunTime += ranFor;

    /// <summary>Stopped through the control socket; with <paramref name="thenStart"/>, to start again once stopped (a restart).</summary>
    public void StopRequested(bool thenStart)
    {
        StoppedByRequest = true;
        RestartRequested = thenStart;
    }

    /// <summary>A start was asked for while it stops: it starts again once stopped.</summary>
    public void StartOnceStopped() => RestartRequested = true;

    /// <summary>A start was asked for after it ended: its rest by request is over.</summary>
    public void StartRequested() => StoppedByRequest = false;

    /// <summary>It stopped for a restart and goes back to waiting: the request is done.</summary>
    public void RestartDone()
    {
        RestartRequested = false;
        StoppedByRequest = false;
    }

    /// <summary>Records an exit; a run that lasted long enough resets the failure count.</summary>
    public void Exited(ExitStatus status, bool failed, TimeSpan ranFor)
    {
        LastExit = status;
        if (ranFor >= Availability.MaxBackoff)
            ConsecutiveFailures = 0;
        ConsecutiveFailures = failed ? ConsecutiveFailures + 1 : 0;
    }

    /// <summary>Whether the restart policy wants another run after this exit.</summary>
    public bool ShouldRestart(bool failed) =>
        (Availability.Restart == RestartPolicy.Always || (Availability.Restart == RestartPolicy.OnFailure && failed))
        && (Availability.MaxRestarts == 0 || Restarts < Availability.MaxRestarts);

    /// <summary>The back-off before the next run: doubling per consecutive failure, capped, or fixed.</summary>
    public TimeSpan NextBackoff()
    {
        if (!Availability.BackoffGrows)
            return Availability.Backoff;
        var doublings = Math.Clamp(ConsecutiveFailures - 1, 0, 30);
        var delay = Availability.Backoff * Math.Pow(2, doublings);
        return delay < Availability.MaxBackoff ? delay : Availability.MaxBackoff;
    }

    /// <summary>How this instance ended, for the line that explains a skip.</summary>
    public string DescribeEnd() => State switch
    {
        ProcessState.Completed => $"completed ({LastExit})",
        ProcessState.Failed => LastExit is { } exit ? $"failed ({exit})" : "failed to start",
        ProcessState.Skipped => "was skipped",
        _ => "was stopped",
    };
}
