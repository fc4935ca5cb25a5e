using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>When each depends_on condition releases a dependent, and when it skips one instead, in memory.</summary>
public sealed class SupervisorDependencyTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_started_start_once_its_dependency_started_and_not_before()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                depends_on: {db: {condition: process_started}}
              db:
                command: ./db
            """);

        await harness.WaitForStartAsync("web");

        var lines = harness.Lines.ToList();
        lines.FindIndex(l => l.StartsWith("procman | db started", StringComparison.Ordinal))
            .Should().BeLessThan(lines.FindIndex(l => l.StartsWith("procman | web started", StringComparison.Ordinal)), "web comes first in the file, but waits");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_completed_start_once_its_dependency_ended_and_not_while_it_runs()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              build:
                command: ./build
              web:
                command: ./web
                depends_on: {build: {condition: process_completed}}
            """);
        var build = await harness.WaitForStartAsync("build");
        await harness.WaitForLineAsync("web is waiting for build (process_completed)");
        (await harness.StateOfAsync("web")).Should().Be("waiting");

        build.Exit(0);

        await harness.WaitForStartAsync("web");
        harness.Lines.Should().Contain("procman | build completed; the others run on (exit_on_end is false)", "process_completed makes exit_on_end false by default");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_completed_stopped_not_skipped_when_its_dependency_fails()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              build:
                command: ./build
              web:
                command: ./web
                depends_on: {build: {condition: process_completed}}
            """, launcher => launcher.OnStart = child => child.Exit(2));

        (await harness.ExitCodeAsync()).Should().Be(2, "a failed end stops everything, whatever the dependents wait for");
        harness.Launcher.StartsOf("web").Should().BeEmpty();
        harness.FinalStateOf("web").Should().Be("stopped", "its condition held, but ProcMan was stopping");
        harness.Lines.Should().NotContain(line => line.StartsWith("procman | web skipped", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_healthy_start_once_the_readiness_probe_passed_success_threshold_times()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                readiness_probe: {exec: {command: ./ping}, period_seconds: 2, success_threshold: 2}
              web:
                command: ./web
                depends_on: {db: {condition: process_healthy}}
            """, probes: new Dictionary<string, Attempt[]> { ["./ping"] = [Attempt.Fails, Attempt.Passes] });
        await harness.WaitForStartAsync("db");

        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("web").Count == 1);

        harness.ChecksOf("./ping").Single().Attempts.Take(3).Should().Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], "a failure, then the two successes in a row that success_threshold asks for");
        var lines = harness.Lines.ToList();
        lines.Should().Contain("procman | db is ready (attempt 3 passed)", "the second success in a row decides");
        lines.IndexOf("procman | db is ready (attempt 3 passed)")
            .Should().BeLessThan(lines.FindIndex(l => l.StartsWith("procman | web started", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_healthy_start_once_its_dependency_printed_its_ready_line()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                ready_log_line: accepting connections
              web:
                command: ./web
                depends_on: {db: {condition: process_healthy}}
            """);
        var db = await harness.WaitForStartAsync("db");
        db.WriteLine("starting up");
        await harness.WaitForLineAsync(line => line == "db | starting up");
        (await harness.StateOfAsync("web")).Should().Be("waiting");

        db.WriteLine("database system is accepting connections");

        await harness.WaitForStartAsync("web");
        var lines = harness.Lines.ToList();
        lines.IndexOf("procman | db is ready (printed its ready_log_line)")
            .Should().BeLessThan(lines.FindIndex(l => l.StartsWith("procman | web started", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_process_log_ready_start_on_the_ready_line_while_one_on_process_healthy_waits_for_the_probe()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                ready_log_line: accepting connections
                readiness_probe: {exec: {command: ./ping}, period_seconds: 1}
              worker:
                command: ./worker
                depends_on: {db: {condition: process_log_ready}}
              web:
                command: ./web
                depends_on: {db: {condition: process_healthy}}
            """, probes: new Dictionary<string, Attempt[]> { ["./ping"] = [Attempt.Fails] });
        var db = await harness.WaitForStartAsync("db");

        db.WriteLine("accepting connections");

        await harness.WaitForStartAsync("worker");
        await harness.AdvanceUntilAsync(() => harness.ChecksOf("./ping").Single().Attempts.Count >= 3);
        (await harness.StateOfAsync("db")).Should().Be("running", "with a readiness probe, the probe decides readiness");
        (await harness.StateOfAsync("web")).Should().Be("waiting");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_chain_of_dependents_skipped_each_with_its_reason_and_get_the_failure_s_code()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              migrate:
                command: ./migrate
              api:
                command: ./api
                depends_on: {migrate: {condition: process_completed_successfully}}
              web:
                command: ./web
                depends_on: {api: {condition: process_started}}
            """, launcher => launcher.OnStart = child => child.Exit(3));

        (await harness.ExitCodeAsync()).Should().Be(3);
        harness.Lines.Should().Contain("procman | api skipped: migrate failed (exited with code 3), so process_completed_successfully can never hold");
        harness.Lines.Should().Contain("procman | web skipped: api was skipped, so process_started can never hold");
        harness.Launcher.Started.Select(child => child.Spec.Name).Should().Equal("migrate");
        harness.FinalStateOf("api").Should().Be("skipped");
        harness.FinalStateOf("web").Should().Be("skipped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_chain_of_dependents_skipped_whatever_their_order_in_the_file()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                depends_on: {api: {condition: process_started}}
              api:
                command: ./api
                depends_on: {migrate: {condition: process_completed_successfully}}
              migrate:
                command: ./migrate
            """, launcher => launcher.OnStart = child => child.Exit(3));

        (await harness.ExitCodeAsync()).Should().Be(3);
        harness.Lines.Should().Contain("procman | web skipped: api was skipped, so process_started can never hold");
        harness.FinalStateOf("web").Should().Be("skipped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_everything_stopped_with_exit_1_when_a_dependent_is_skipped_because_its_dependency_ended_without_being_ready()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                ready_log_line: accepting connections
                availability: {exit_on_end: false}
              web:
                command: ./web
                depends_on: {db: {condition: process_healthy}}
              other:
                command: ./other
            """);
        var db = await harness.WaitForStartAsync("db");
        var other = await harness.WaitForStartAsync("other");

        db.Exit(0);

        (await harness.ExitCodeAsync()).Should().Be(1, "a skip is a failed end (README: exit code 1 for a skip)");
        harness.Lines.Should().Contain("procman | web skipped: db completed (exited with code 0), so process_healthy can never hold");
        other.Signals.Should().Equal(UnixSignal.Terminate);
    }
}
