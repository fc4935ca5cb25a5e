using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Supervision.Probes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision.Probes;

/// <summary>A probe's schedule and thresholds on a fake clock, with a scripted check: no process, no real wait.</summary>
public sealed class ProbeRunnerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_process_ready_after_its_initial_delay_and_success_threshold_and_told_so_once()
    {
        var probe = Probe(initialDelay: 5, period: 10, successThreshold: 2);
        await using var run = ProbeRun.Start(probe, Attempt.Passes);

        await run.UntilAsync(() => run.Check.Attempts.Count == 4);

        run.Check.Attempts.Should().Equal(Seconds(5, 15, 25, 35));
        run.Verdicts.Should().ContainSingle().Which.Should().Be((Seconds(15)[0], true), "two successes in a row are needed, and the verdict is told when it changes only");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_process_unhealthy_only_after_failure_threshold_failures_in_a_row()
    {
        var probe = Probe(period: 2, failureThreshold: 3);
        await using var run = ProbeRun.Start(probe, Attempt.Fails, Attempt.Fails, Attempt.Passes, Attempt.Fails, Attempt.Fails, Attempt.Fails);

        await run.UntilAsync(() => run.Verdicts.Count == 2);

        run.Check.Attempts.Should().Equal(Seconds(0, 2, 4, 6, 8, 10));
        run.Verdicts.Should().Equal([(Seconds(4)[0], true), (Seconds(10)[0], false)], "a success between failures starts the count again");
        run.Summaries.Should().Equal("attempt 3 passed", "attempt 6 failed");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_an_attempt_that_outlasts_its_timeout_fail_at_the_timeout_and_the_next_one_a_period_later()
    {
        var probe = Probe(period: 10, timeout: 2, failureThreshold: 1);
        await using var run = ProbeRun.Start(probe, Attempt.Hangs);

        await run.UntilAsync(() => run.Check.Attempts.Count == 2);

        run.Verdicts.Should().Equal([(Seconds(2)[0], false)]);
        run.Summaries.Should().Equal("timed out after 2 s");
        run.Check.Attempts.Should().Equal(Seconds(0, 12), "the period is counted from the end of the attempt");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_probe_end_with_its_run_without_a_verdict_for_the_attempt_it_cut_short()
    {
        var probe = Probe(period: 10, timeout: 30, failureThreshold: 1);
        await using var run = ProbeRun.Start(probe, Attempt.Passes, Attempt.Hangs);
        await run.UntilAsync(() => run.Check.Attempts.Count == 2 && run.Check.IsParked);

        await run.EndAsync();

        run.Verdicts.Should().Equal([(Seconds(0)[0], true)], "the run's end is no timeout");
        run.Running.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_probe_whose_command_cannot_start_fail_at_once_and_stop_trying()
    {
        var probe = Probe(period: 1, failureThreshold: 3);
        await using var run = ProbeRun.Start(probe, Attempt.CannotStart);

        await run.Running.WaitAsync(TimeSpan.FromSeconds(10));

        run.Verdicts.Should().Equal([(TimeSpan.Zero, false)]);
        run.Summaries.Should().Equal("probe: cannot start ./check: No such file or directory");
        run.Check.Attempts.Should().ContainSingle();
    }

    private static Probe Probe(double initialDelay = 0, double period = 10, double timeout = 1, int successThreshold = 1, int failureThreshold = 3) =>
        new(new ExecProbeCheck("./check"), TimeSpan.FromSeconds(initialDelay), TimeSpan.FromSeconds(period), TimeSpan.FromSeconds(timeout), successThreshold, failureThreshold);

    private static TimeSpan[] Seconds(params int[] seconds) => [.. seconds.Select(s => s * Second)];

    /// <summary>A <see cref="ProbeRunner"/> on a step clock, with its verdicts and when each came.</summary>
    private sealed class ProbeRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _end = new();
        private readonly List<(TimeSpan At, bool Success, string Summary)> _verdicts = [];

        private ProbeRun(Probe probe, Attempt[] script)
        {
            Check = new ScriptedCheck(Clock, script);
            Running = ProbeRunner.RunAsync(probe, Check, Clock, OnVerdict, _end.Token);
        }

        public StepClock Clock { get; } = new();

        public ScriptedCheck Check { get; }

        public Task Running { get; }

        public IReadOnlyList<(TimeSpan At, bool Success)> Verdicts
        {
            get
            {
                lock (_verdicts)
                    return [.. _verdicts.Select(v => (v.At, v.Success))];
            }
        }

        public IReadOnlyList<string> Summaries
        {
            get
            {
                lock (_verdicts)
                    return [.. _verdicts.Select(v => v.Summary)];
            }
        }

        public static ProbeRun Start(Probe probe, params Attempt[] script) => new(probe, script);

        public Task UntilAsync(Func<bool> done) => Clock.RunUntilAsync(done, () => Check.IsParked);

        public async Task EndAsync()
        {
            await _end.CancelAsync();
            await Running.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async ValueTask DisposeAsync()
        {
            await EndAsync();
            _end.Dispose();
        }

        private void OnVerdict(ProbeResult result)
        {
            lock (_verdicts)
                _verdicts.Add((Clock.Elapsed, result.Success, result.Summary));
            Clock.Pulse();
        }
    }
}
