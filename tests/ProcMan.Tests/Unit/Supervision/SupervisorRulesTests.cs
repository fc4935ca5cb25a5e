using FluentAssertions;
using ProcMan.Control;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>The supervisor's rules, in memory: scripted children, a fake clock, no process and no real wait.</summary>
public sealed class SupervisorRulesTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_failing_process_restarted_after_a_doubling_back_off_up_to_max_restarts()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 1, max_restarts: 2}
              other:
                command: ./other
            """, launcher => launcher.OnStart = child => { if (child.Spec.Name == "flaky") child.Exit(1); });

        await harness.WaitForLineAsync("flaky restarting in 1 s (attempt 1 of 2)");
        harness.Launcher.StartsOf("flaky").Should().HaveCount(1, "the back-off is not over");
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 2, Tick);
        harness.Time.GetUtcNow().Should().BeOnOrAfter(harness.Time.Start + TimeSpan.FromSeconds(1));

        await harness.WaitForLineAsync("flaky restarting in 2 s (attempt 2 of 2)");
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 3, Tick);

        await harness.WaitForLineAsync("stopping all processes: flaky failed (exited with code 1)");
        (await harness.ExitCodeAsync()).Should().Be(1);
        harness.Launcher.StartsOf("flaky").Should().HaveCount(3, "max_restarts: 2 allows two restarts");
        harness.Launcher.StartsOf("other").Single().Signals.Should().Equal(UnixSignal.Terminate);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_restart_on_failure_leave_a_success_alone_and_restart_always_start_it_again()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              job:
                command: ./job
                availability: {restart: on_failure, exit_on_end: false}
              loop:
                command: ./loop
                availability: {restart: always, backoff_seconds: 1}
            """, launcher => launcher.OnStart = child => child.Exit(0));

        await harness.WaitForLineAsync("job completed; the others run on (exit_on_end is false)");
        await harness.WaitForLineAsync(line => line.StartsWith("procman | loop restarting in 1 s", StringComparison.Ordinal));
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("loop").Count >= 3, Tick);

        harness.Launcher.StartsOf("job").Should().HaveCount(1);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_the_code_of_the_process_that_ended_first_and_the_others_are_stopped()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              tests:
                command: ./run-tests
              server:
                command: ./server
            """);
        var tests = (await WaitForStartAsync(harness, "tests"));
        await WaitForStartAsync(harness, "server");

        tests.Exit(3);

        (await harness.ExitCodeAsync()).Should().Be(3);
        harness.Lines.Should().Contain("procman | stopping all processes: tests failed (exited with code 3)");
        harness.Launcher.StartsOf("server").Single().Signals.Should().Equal(UnixSignal.Terminate);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_start_only_once_its_dependency_completed_successfully()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              migrate:
                command: ./migrate
                availability: {exit_on_end: false}
              web:
                command: ./web
                depends_on: {migrate: {condition: process_completed_successfully}}
            """);
        var migrate = await WaitForStartAsync(harness, "migrate");
        await harness.WaitForLineAsync("web is waiting for migrate (process_completed_successfully)");
        harness.Launcher.StartsOf("web").Should().BeEmpty();

        migrate.Exit(0);

        await WaitForStartAsync(harness, "web");
        var lines = harness.Lines.ToList();
        lines.IndexOf("procman | migrate exited with code 0").Should().BeLessThan(lines.FindIndex(l => l.StartsWith("procman | web started", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_skipped_when_its_dependency_fails_and_get_the_failure_s_code()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              migrate:
                command: ./migrate
              web:
                command: ./web
                depends_on: {migrate: {condition: process_completed_successfully}}
            """, launcher => launcher.OnStart = child => child.Exit(4));

        (await harness.ExitCodeAsync()).Should().Be(4);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | web skipped:", StringComparison.Ordinal));
        harness.Launcher.StartsOf("web").Should().BeEmpty();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_dependents_stopped_before_their_dependencies_and_SIGKILL_after_the_timeout()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
              web:
                command: ./web
                depends_on: {db: {condition: process_started}}
            """, launcher => launcher.IgnoringTerminate.Add("web"), stopTimeout: TimeSpan.FromSeconds(5));
        var db = await WaitForStartAsync(harness, "db");
        var web = await WaitForStartAsync(harness, "web");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        await harness.WaitForLineAsync("sending SIGTERM to web");
        db.Signals.Should().BeEmpty("db waits until web, which depends on it, is down");
        await harness.AdvanceUntilAsync(() => web.Exited.IsCompleted, Tick);
        harness.Time.GetUtcNow().Should().BeOnOrAfter(harness.Time.Start + TimeSpan.FromSeconds(5), "SIGKILL comes only after the stop timeout");
        web.Signals.Should().Equal(UnixSignal.Terminate, UnixSignal.Kill);

        await harness.WaitForLineAsync("sending SIGTERM to db");
        (await harness.ExitCodeAsync()).Should().Be(143);
        db.Signals.Should().Equal(UnixSignal.Terminate);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_skip_the_stop_timeout_with_a_second_stop_request()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              stubborn:
                command: ./stubborn
            """, launcher => launcher.IgnoringTerminate.Add("stubborn"));
        var stubborn = await WaitForStartAsync(harness, "stubborn");

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));
        await harness.WaitForLineAsync("sending SIGTERM to stubborn");
        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(130);
        stubborn.Signals.Should().Equal(UnixSignal.Terminate, UnixSignal.Kill);
        harness.Time.GetUtcNow().Should().Be(harness.Time.Start, "no time had to pass");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_exit_127_when_a_process_cannot_be_started_after_another_started()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              server:
                command: ./server
              tests:
                entrypoint: [./no-such-runner]
                depends_on: {server: {condition: process_started}}
            """, launcher => launcher.FailingStarts.Add("tests"));

        (await harness.ExitCodeAsync()).Should().Be(127);
        harness.Launcher.StartsOf("server").Single().Signals.Should().Equal(UnixSignal.Terminate);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_wait_for_a_process_to_start_and_am_told_when_it_never_will()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                availability: {exit_on_end: false}
              web:
                command: ./web
                depends_on: {db: {condition: process_completed_successfully}}
              other:
                command: ./other
            """);
        var db = await WaitForStartAsync(harness, "db");
        (await harness.Supervisor.WaitAsync(["db"], WaitCondition.Started, CancellationToken.None)).Should().BeTrue();
        var web = harness.Supervisor.WaitAsync(["web"], WaitCondition.Started, CancellationToken.None);
        web.IsCompleted.Should().BeFalse();

        db.Exit(1);

        (await web.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeFalse("web is skipped: it can never start");
    }

    private static async Task<ScriptedChild> WaitForStartAsync(SupervisorHarness harness, string name)
    {
        await harness.WaitForLineAsync(line => line.StartsWith($"procman | {name} started with pid ", StringComparison.Ordinal));
        return harness.Launcher.StartsOf(name)[^1];
    }
}
