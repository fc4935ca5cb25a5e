using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>Starts <see cref="ScriptedChild"/>ren instead of processes; what each start does is the test's script.</summary>
internal sealed class ScriptedLauncher : IProcessLauncher
{
    private readonly List<ScriptedChild> _started = [];
    private int _nextPid = 1000;

    /// <summary>Names of the instances whose start fails, as an unknown executable's would.</summary>
    public HashSet<string> FailingStarts { get; } = [];

    /// <summary>Names of the instances that live through SIGTERM.</summary>
    public HashSet<string> IgnoringTerminate { get; } = [];

    /// <summary>Called with each child as it starts (from the supervisor's loop): exit it at once, write lines.</summary>
    public Action<ScriptedChild>? OnStart { get; set; }

    public IReadOnlyList<ScriptedChild> Started
    {
        get
        {
            lock (_started)
                return [.. _started];
        }
    }

    public IReadOnlyList<ScriptedChild> StartsOf(string name) => [.. Started.Where(child => child.Spec.Name == name)];

    public IChildProcess Start(IStartSpec spec)
    {
        if (FailingStarts.Contains(spec.Name))
            throw new ProcessStartException($"{spec.Name}: cannot start {spec.Arguments[0]}: No such file or directory");
        var child = new ScriptedChild(spec, Interlocked.Increment(ref _nextPid), IgnoringTerminate.Contains(spec.Name));
        lock (_started)
            _started.Add(child);
        OnStart?.Invoke(child);
        return child;
    }

    public Task<ExitStatus> RunAttachedAsync(IStartSpec spec) => throw new NotSupportedException("not scripted");

    /// <summary>
    /// A stray that is found again at every look under a new pid, whatever it is sent: a
    /// process that keeps hopping away and ignores SIGTERM.
    /// </summary>
    public bool HasHoppingStray { get; set; }

    /// <summary>What was sent to strays, in order.</summary>
    public List<(StrayProcess Stray, UnixSignal Signal)> StraySignals { get; } = [];

    public IReadOnlyList<StrayProcess> FindStrays() =>
        HasHoppingStray ? [new StrayProcess(Interlocked.Increment(ref _nextPid), "hop.sh", 1)] : [];

    public void Signal(StrayProcess stray, UnixSignal signal)
    {
        lock (StraySignals)
            StraySignals.Add((stray, signal));
    }
}
