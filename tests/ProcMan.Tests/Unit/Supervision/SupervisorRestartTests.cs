using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>The back-off's reset and restarts by the liveness probe, in memory.</summary>
public sealed class SupervisorRestartTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_the_back_off_start_again_from_backoff_seconds_after_a_run_that_lasted_the_longest_back_off()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 1}
            """);
        (await harness.WaitForStartAsync("flaky")).Exit(1);
        await harness.WaitForLineAsync("flaky restarting in 1 s (attempt 1)");
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 2);
        (await harness.WaitForStartAsync("flaky", start: 2)).Exit(1);
        await harness.WaitForLineAsync("flaky restarting in 2 s (attempt 2)");
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 3);
        var third = await harness.WaitForStartAsync("flaky", start: 3);

        harness.Time.Advance(TimeSpan.FromSeconds(60));
        third.Exit(1);

        await harness.WaitForLineAsync("flaky restarting in 1 s (attempt 3)");
        harness.Lines.Should().NotContain("procman | flaky restarting in 4 s (attempt 3)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_the_back_off_go_on_doubling_after_a_run_shorter_than_the_longest_back_off()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 1}
            """);
        (await harness.WaitForStartAsync("flaky")).Exit(1);
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 2);
        var second = await harness.WaitForStartAsync("flaky", start: 2);

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        second.Exit(1);

        await harness.WaitForLineAsync("flaky restarting in 2 s (attempt 2)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_process_restarted_when_its_liveness_probe_fails_failure_threshold_times_whatever_its_exit_code()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                success_exit_codes: [143]
                liveness_probe: {exec: {command: ./alive}, period_seconds: 1, failure_threshold: 2}
                availability: {restart: on_failure, backoff_seconds: 1}
            """, probes: new Dictionary<string, Attempt[]> { ["./alive"] = [Attempt.Fails] });
        var web = await harness.WaitForStartAsync("web");

        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("web").Count == 2);

        harness.ChecksOf("./alive")[0].Attempts.Take(2).Should().Equal(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        web.Signals.Should().Equal(UnixSignal.Terminate);
        var lines = harness.Lines.ToList();
        lines.Should().Contain("procman | web restarting in 1 s (attempt 1)", "the exit after a failed liveness probe is a failure, even with a success code");
        lines.IndexOf("procman | web is unhealthy: attempt 2 failed; stopping it").Should().BeLessThan(lines.IndexOf("procman | sending SIGTERM to web"))
            .And.BeGreaterThanOrEqualTo(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_liveness_probe_that_fails_fewer_than_failure_threshold_times_in_a_row_leave_the_process_alone()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                liveness_probe: {exec: {command: ./alive}, period_seconds: 1, failure_threshold: 2}
            """, probes: new Dictionary<string, Attempt[]> { ["./alive"] = [Attempt.Fails, Attempt.Passes, Attempt.Fails, Attempt.Passes, Attempt.Fails, Attempt.Passes] });
        var web = await harness.WaitForStartAsync("web");

        await harness.AdvanceUntilAsync(() => harness.ChecksOf("./alive").Single().Attempts.Count >= 6);

        (await harness.StateOfAsync("web")).Should().Be("running");
        web.Signals.Should().BeEmpty("no two failures came in a row");
    }
}
