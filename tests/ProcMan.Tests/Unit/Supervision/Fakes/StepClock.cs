using Microsoft.Extensions.Time.Testing;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>
/// A fake clock that knows which of its timers are pending, so that a test can move it straight
/// to the next one once the code under test is parked on it: nothing fires late because a
/// thread was slow to set its timer, and no real time passes.
/// </summary>
internal sealed class StepClock : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<StepTimer> _pending = [];
    private readonly SemaphoreSlim _changed = new(0);
    private long _sequence;

    /// <summary>Counts every timer set (created or changed): a timer numbered above a mark was set after it.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
                return _sequence;
        }
    }

    /// <summary>How far the clock has moved since it started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StepTimer(this);
        Set(timer, dueTime, period);
        timer.Inner = base.CreateTimer(s => { Fired(timer); callback(s); }, state, dueTime, period);
        return timer;
    }

    /// <summary>Wakes <see cref="RunUntilAsync"/> to look again: the code under test did something.</summary>
    public void Pulse() => _changed.Release();

    /// <summary>Whether a timer set after <paramref name="mark"/> (a <see cref="Sequence"/>) is pending.</summary>
    public bool HasTimerSetAfter(long mark)
    {
        lock (_gate)
            return _pending.Any(t => t.Number > mark);
    }

    /// <summary>When the earliest pending timer is due, if any is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
                return _pending.Min(t => t.Due);
        }
    }

    /// <summary>Forgets the pulses so far, so that <see cref="WaitForPulseAsync"/> waits for a new one.</summary>
    public void ForgetPulses()
    {
        while (_changed.Wait(0))
        {
        }
    }

    /// <summary>Waits (in real time) up to <paramref name="atMost"/> for a timer to be set, fire or go, or for a <see cref="Pulse"/>.</summary>
    public Task<bool> WaitForPulseAsync(TimeSpan atMost) => _changed.WaitAsync(atMost);

    /// <summary>
    /// Until <paramref name="done"/> holds: waits (in real time, bounded) for the code under test to
    /// be <paramref name="parked"/>, then moves the clock to the earliest pending timer.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> done, Func<bool> parked)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!done())
        {
            while (!parked() && !done())
            {
                try
                {
                    await _changed.WaitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"the code under test never parked; the clock is at +{Elapsed}");
                }
            }
            if (done())
                return;
            if (NextDue is not { } due)
                throw new InvalidOperationException($"parked with no timer pending at +{Elapsed}: nothing will ever happen");
            Advance(due > GetUtcNow() ? due - GetUtcNow() : TimeSpan.Zero);
        }
    }

    private void Set(StepTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
            timer.Period = period;
            timer.Number = ++_sequence;
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime;
            if (timer.Due is not null)
                _pending.Add(timer);
        }
        Pulse();
    }

    private void Fired(StepTimer timer)
    {
        lock (_gate)
        {
            if (timer.Period == Timeout.InfiniteTimeSpan || timer.Period == TimeSpan.Zero)
            {
                timer.Due = null;
                _pending.Remove(timer);
            }
            else
            {
                timer.Due += timer.Period;
            }
        }
        Pulse();
    }

    private void Drop(StepTimer timer)
    {
        lock (_gate)
        {
            timer.Due = null;
            _pending.Remove(timer);
        }
        Pulse();
    }

    private sealed class StepTimer(StepClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public long Number { get; set; }

        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Set(this, dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Drop(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
