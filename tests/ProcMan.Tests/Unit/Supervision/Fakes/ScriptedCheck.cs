using ProcMan.Processes;
using ProcMan.Supervision.Probes;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>What one attempt of a <see cref="ScriptedCheck"/> does.</summary>
internal enum Attempt
{
    Passes,
    Fails,

    /// <summary>Never answers: only its deadline ends it.</summary>
    Hangs,

    /// <summary>Its command cannot be started.</summary>
    CannotStart,
}

/// <summary>
/// A probe check that does what the test's script says, attempt by attempt (the last step
/// repeats), and notes when on the clock each attempt began.
/// </summary>
internal sealed class ScriptedCheck(StepClock clock, params Attempt[] script) : IProbeCheck
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _attempts = [];
    private CancellationToken _deadline;
    private bool _inAttempt;
    private long _returnedAt;

    /// <summary>The exec command of the probe it stands for.</summary>
    public string Command { get; init; } = "";

    /// <summary>When each attempt began, from the clock's start.</summary>
    public IReadOnlyList<TimeSpan> Attempts
    {
        get
        {
            lock (_gate)
                return [.. _attempts];
        }
    }

    /// <summary>
    /// The probe is parked: on an attempt that waits for its deadline, or on a timer set since the
    /// last attempt ended (the initial delay, the period).
    /// </summary>
    public bool IsParked
    {
        get
        {
            lock (_gate)
                return (_inAttempt && !_deadline.IsCancellationRequested) || clock.HasTimerSetAfter(_returnedAt);
        }
    }

    public async Task<ProbeResult> RunAsync(CancellationToken deadline)
    {
        int number;
        lock (_gate)
        {
            _attempts.Add(clock.Elapsed);
            number = _attempts.Count;
            (_deadline, _inAttempt) = (deadline, true);
        }
        clock.Pulse();
        try
        {
            switch (script[Math.Min(number, script.Length) - 1])
            {
                case Attempt.Passes:
                    return new ProbeResult(true, $"attempt {number} passed");
                case Attempt.Fails:
                    return new ProbeResult(false, $"attempt {number} failed");
                case Attempt.CannotStart:
                    throw new ProcessStartException("probe: cannot start ./check: No such file or directory");
                default:
                    await Task.Delay(Timeout.InfiniteTimeSpan, deadline);
                    throw new InvalidOperationException("an infinite wait ended");
            }
        }
        finally
        {
            lock (_gate)
                (_inAttempt, _returnedAt) = (false, clock.Sequence);
            clock.Pulse();
        }
    }

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, $"timed out after {timeout.TotalSeconds} s");
}
