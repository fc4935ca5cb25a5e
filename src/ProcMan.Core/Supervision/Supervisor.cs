using System.Threading.Channels;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Processes;
using Serilog;

namespace ProcMan.Supervision;

/// <summary>
/// Runs the processes through their lives: starts each when its dependencies hold, watches
/// readiness and liveness, restarts by policy, and stops everything when an end calls for it
/// or a stop is requested, dependents before their dependencies. All state lives in the
/// instances and changes only in <see cref="RunAsync"/>'s loop, on messages from its mailbox:
/// signal handlers, process watchers, probes and timers only post.
/// </summary>
internal sealed partial class Supervisor(
    IReadOnlyList<ProcessSpec> specs,
    IProcessLauncher launcher,
    OutputInlet output,
    ILogger log,
    SupervisorOptions options) : ISupervisor
{
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
    // Once the first strays had their stop timeout (or a second signal came), strays found
    // later are killed at once and no longer hold ProcMan up: one that keeps hopping to new
    // pids, ignoring SIGTERM, would otherwise do so for ever. What is left of them when ProcMan
    // ends, its guardian kills (its whole cgroup, where there is one).
    private bool _strayDeadlinePassed;

    private static readonly TimeSpan LeftoverRecheck = TimeSpan.FromMilliseconds(100);

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
            // A daemon that has stopped may start again (a restart) or end the run: look again at once.
            if (SettleStoppedDaemons())
                continue;
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
                case SnapshotQueried(var reply):
                    reply.TrySetResult([.. _instances.Select(Snapshot)]);
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
        FinalSnapshot = [.. _instances.Select(Snapshot)];
        foreach (var run in _runs)
            run.Dispose();
        return _exitPolicy.ExitCode;
    }

    /// <summary>Every instance as it ended, for the exit summary; set when <see cref="RunAsync"/> returns.</summary>
    public IReadOnlyList<InstanceSnapshot> FinalSnapshot { get; private set; } = [];

    private ILogger Log(string kind) => log.ForContext(LogEvents.Property, kind);

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
        // Past the strays' deadline, those found are killed, and not waited for.
        var waitingForStrays = StopStrays() > 0 && !_strayDeadlinePassed;
        if ((leftovers.Count > 0 || waitingForStrays) && !_recheckScheduled)
        {
            // A leftover that closed its pipes dies without any event: look again shortly.
            _recheckScheduled = true;
            _ = Task.Delay(LeftoverRecheck, options.Time).ContinueWith(_ => _mailbox.Writer.TryWrite(new Recheck()), TaskScheduler.Default);
        }
        return leftovers.Count == 0 && !waitingForStrays && _runs.All(r => r.Killed || !r.IsOutputOpen);
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
                instance.LoggedReady();
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
                    Log(LogEvents.Ready).Information("{Name} is ready ({Summary})", instance.Name, result.Summary);
                }
                else if (!result.Success)
                {
                    if (instance.State == ProcessState.Ready)
                        instance.MoveTo(ProcessState.Running);
                    Log(LogEvents.NotReady).Warning("{Name} is not ready: {Summary}", instance.Name, result.Summary);
                }
                break;
            case LivenessFailed(var instance, var run, var result) when run == instance.Run && instance.IsUp && !run.StopSent:
                Log(LogEvents.Unhealthy).Warning("{Name} is unhealthy: {Summary}; stopping it", instance.Name, result.Summary);
                run.LivenessFailed();
                SendStop(instance, run);
                break;
            case RestartDue(var instance, var after) when instance.State == ProcessState.Restarting && instance.Run == after && !_stopping:
                Start(instance, byPolicy: true);
                break;
            case StraysTimedOut(var strays, _):
                _strayDeadlinePassed = true;
                foreach (var stray in strays)
                    launcher.Signal(stray, UnixSignal.Kill);
                break;
            case LaunchTimedOut(var instance, var run, var after) when run == instance.Run && instance.IsUp && !run.HasExited && !run.StopSent:
                Log(LogEvents.StillLaunching).Warning(
                    "{Name} is still launching after {LaunchTimeoutSeconds:0.###} s (launch_timeout_seconds): a daemon's command should exit once the daemon runs",
                    instance.Name, after.TotalSeconds);
                break;
            case StopTimedOut(var run, var after) when !run.Killed && (!run.HasExited || run.IsOutputOpen || run.Process.HasLiveTree):
                Kill(run, $"after {after.TotalSeconds:0.###} s");
                break;
            case StopRequested(var request) when !_stopRequested:
                // The first request stops gracefully, even when an end already began the stop.
                _stopRequested = true;
                _exitPolicy.StopRequested(request.ExitCode);
                if (request.HowToForce is { } howToForce)
                {
                    // Said always, not only on a terminal: a log reader wants to know what came next.
                    var grace = _instances.Max(i => i.Shutdown.Timeout ?? options.StopTimeout).TotalSeconds;
                    if (_stopping)
                        log.Information("{Reason}: already stopping; {HowToForce} to force, grace period {GraceSeconds:0.###} s", request.Reason, howToForce, grace);
                    else
                        BeginStop(request.Reason, byRequest: true, howToForce: howToForce, graceSeconds: grace);
                }
                else
                {
                    BeginStop(request.Reason, byRequest: true);
                }
                break;
            case SnapshotQueried(var reply):
                reply.TrySetResult([.. _instances.Select(Snapshot)]);
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
                _strayDeadlinePassed = true;
                foreach (var stray in _straysStopped)
                    launcher.Signal(stray, UnixSignal.Kill);
                break;
        }
    }
}
