using ProcMan.Output;
using ProcMan.Processes;

namespace ProcMan.Supervision;

/// <summary>
/// One start of a process instance: the child, the pumps that read its stdout and stderr, and
/// what ProcMan has done to it. A restart makes a new run; messages carry their run, so news of
/// an old run is never mistaken for the current one.
/// </summary>
internal sealed class ProcessRun : IDisposable
{
    private readonly CancellationTokenSource _abandonOutput = new();
    private readonly CancellationTokenSource _endProbes = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private long? _stopped;
    private readonly LinePump[] _pumps;

    public ProcessRun(string name, IChildProcess process, OutputSource source, OutputInlet output, int maxLineLength, IReadOnlyList<ILineObserver> observers, TimeProvider time, TimeSpan? partialLineDelay = null, bool stripAnsi = false)
    {
        _time = time;
        _started = time.GetTimestamp();
        Name = name;
        Process = process;
        Observers = observers;
        _pumps = [
            new LinePump(source, OutputStream.StandardOutput, output, maxLineLength, observers, partialLineDelay, time) { StripAnsi = stripAnsi },
            new LinePump(source, OutputStream.StandardError, output, maxLineLength, observers, partialLineDelay, time) { StripAnsi = stripAnsi }];
        Output = Task.WhenAll(
            _pumps[0].RunAsync(process.StandardOutput, _abandonOutput.Token),
            _pumps[1].RunAsync(process.StandardError, _abandonOutput.Token));
        // The pipes are given back as soon as they are read to the end, not when the run is
        // forgotten: a restart loop would otherwise hold them all.
        OutputOver = Output.ContinueWith(_ =>
        {
            process.StandardOutput.Dispose();
            process.StandardError.Dispose();
        }, TaskScheduler.Default);
    }

    public string Name { get; }

    public IChildProcess Process { get; }

    /// <summary>What watches this run's lines: its counter, its ready-line watcher.</summary>
    public IReadOnlyList<ILineObserver> Observers { get; }

    /// <summary>Completes when both pipes reached their end (or were abandoned).</summary>
    public Task Output { get; }

    /// <summary>Completes when <see cref="Output"/> does, however it ended; never faults, so it can be awaited as an event.</summary>
    public Task OutputOver { get; }

    /// <summary>
    /// Completes once the output is over, or once the pumps are found waiting for input at the
    /// end of a <paramref name="quiet"/> while: what the child wrote is all in the channel, and
    /// whoever still holds its pipes (a job that left its group, or keeps writing) is not the
    /// child, and must not delay its exit. A pump that is still busy (a loaded machine, a full
    /// channel) is waited for, so "exited" comes after the child's last lines.
    /// </summary>
    public async Task OutputSettledAsync(TimeSpan quiet)
    {
        while (!Output.IsCompleted)
        {
            await Task.WhenAny(Output, Task.Delay(quiet, _time)).ConfigureAwait(false);
            if (_pumps.All(pump => pump.IsWaitingForInput))
                return;
        }
    }

    /// <summary>Cancelled when the run is over, to end its probes.</summary>
    public CancellationToken ProbesEnd => _endProbes.Token;

    /// <summary>How long it has run; once it has exited, how long it ran.</summary>
    public TimeSpan Age => _time.GetElapsedTime(_started, _stopped ?? _time.GetTimestamp());

    /// <summary>The child has exited: <see cref="Age"/> stops there.</summary>
    public void StopClock() => _stopped ??= _time.GetTimestamp();

    public bool HasExited => Process.Exited.IsCompleted;

    /// <summary>Its liveness probe failed: the exit that follows is a failure, whatever the code.</summary>
    public bool FailedLiveness { get; private set; }

    /// <summary>ProcMan has asked it to stop (signal or shutdown command).</summary>
    public bool StopSent { get; private set; }

    /// <summary>The supervisor has acted on its exit (or has no exit to act on): it may be forgotten once its tree is empty.</summary>
    public bool ExitHandled { get; private set; }

    /// <summary>ProcMan has SIGKILLed what was left of it.</summary>
    public bool Killed { get; private set; }

    /// <summary>A daemon's launcher exited with success: the daemon it left runs on, outside the launcher.</summary>
    public bool DaemonLaunched { get; private set; }

    /// <summary>The run of the shutdown command that stops it, once one was started.</summary>
    public ProcessRun? ShutdownRun { get; private set; }

    public void LivenessFailed() => FailedLiveness = true;

    /// <summary>How long its launcher ran, which the instance's run time counts already.</summary>
    public TimeSpan LaunchTook { get; private set; }

    /// <summary>Its launcher exited with success: its clock runs on, for the daemon.</summary>
    public void Launched()
    {
        DaemonLaunched = true;
        LaunchTook = Age;
        _stopped = null;
    }

    public void ShutdownStarted(ProcessRun shutdown) => ShutdownRun = shutdown;

    public void StopWasSent() => StopSent = true;

    public void ExitWasHandled() => ExitHandled = true;

    public void WasKilled() => Killed = true;

    public bool IsOutputOpen => !Output.IsCompleted;

    public void EndProbes() => _endProbes.Cancel();

    /// <summary>Its probes have been ended: nothing of the run is watched any more.</summary>
    public bool ProbesEnded => _endProbes.IsCancellationRequested;

    /// <summary>Stops reading pipes that a runaway descendant keeps open.</summary>
    public void AbandonOutput() => _abandonOutput.Cancel();

    public void Dispose()
    {
        Process.Dispose();
        _abandonOutput.Dispose();
        _endProbes.Dispose();
    }
}
