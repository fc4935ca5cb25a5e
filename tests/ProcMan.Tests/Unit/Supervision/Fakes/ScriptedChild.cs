using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>
/// A child that does what the test says: it exits when told (or, by its script, when signalled),
/// and records every signal it was sent.
/// </summary>
internal sealed class ScriptedChild : IChildProcess
{
    private readonly TaskCompletionSource<ExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<UnixSignal> _signals = [];
    private readonly FakePipe _stdout = new();
    private readonly FakePipe _stderr = new();

    public ScriptedChild(IStartSpec spec, int pid, bool ignoresTerminate)
    {
        Spec = spec;
        Pid = pid;
        IgnoresTerminate = ignoresTerminate;
    }

    public IStartSpec Spec { get; }

    public int Pid { get; }

    /// <summary>Lives through SIGTERM (and any signal but SIGKILL), as a process that traps it.</summary>
    public bool IgnoresTerminate { get; }

    public IReadOnlyList<UnixSignal> Signals
    {
        get
        {
            lock (_signals)
                return [.. _signals];
        }
    }

    public Stream StandardOutput => _stdout;

    public Stream StandardError => _stderr;

    public Task<ExitStatus> Exited => _exited.Task;

    public bool HasLiveTree => !_exited.Task.IsCompleted || BackgroundAlive;

    /// <summary>A background job or daemon it started (<see cref="Launch"/>) is alive in its tree, whether it has exited or not.</summary>
    public bool BackgroundAlive { get; private set; }

    /// <summary>What was sent to it alone (<c>parent_only</c>), in order.</summary>
    public IReadOnlyList<UnixSignal> ParentSignals
    {
        get
        {
            lock (_signals)
                return [.. _parentSignals];
        }
    }

    private readonly List<UnixSignal> _parentSignals = [];

    /// <summary>Leaves a daemon in its tree and exits with 0, as <c>sh -c 'server &amp;'</c> does.</summary>
    public void Launch()
    {
        BackgroundAlive = true;
        Exit(0);
    }

    /// <summary>Starts a background job in its tree, which outlives it unless signalled.</summary>
    public void LeaveBackgroundJob() => BackgroundAlive = true;

    /// <summary>The daemon or job it left ends (its shutdown command stopped it).</summary>
    public void BackgroundEnds() => BackgroundAlive = false;

    public bool Disposed { get; private set; }

    /// <summary>Writes <paramref name="line"/> (a newline is added) to its stdout.</summary>
    public void WriteLine(string line) => _stdout.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Closes its pipes and exits with <paramref name="code"/>.</summary>
    public void Exit(int code)
    {
        _stdout.Close();
        _stderr.Close();
        _exited.TrySetResult(ExitStatus.Exited(code));
    }

    /// <summary>Closes its pipes and dies of <paramref name="signal"/>.</summary>
    public void Die(UnixSignal signal)
    {
        _stdout.Close();
        _stderr.Close();
        _exited.TrySetResult(ExitStatus.KilledBy(signal));
    }

    public void SignalTree(UnixSignal signal)
    {
        lock (_signals)
            _signals.Add(signal);
        if (signal == UnixSignal.Kill || !IgnoresTerminate)
        {
            BackgroundAlive = false;
            Die(signal);
        }
    }

    public void SignalParent(UnixSignal signal)
    {
        lock (_signals)
            _parentSignals.Add(signal);
        if (signal == UnixSignal.Kill || !IgnoresTerminate)
            Die(signal);
    }

    public void KillEverything() => SignalTree(UnixSignal.Kill);

    public void Dispose() => Disposed = true;
}
