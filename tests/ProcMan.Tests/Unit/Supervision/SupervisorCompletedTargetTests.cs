using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>
/// A failing <c>process_completed</c> target: its dependants run in a process-compose file, and
/// its failure stops everything in a ProcMan file; in memory.
/// </summary>
public sealed class SupervisorCompletedTargetTests
{
    private static string File(string condition = "process_completed", string migrateExtra = "") => $$"""
        processes:
          migrate:
            command: ./migrate
        {{migrateExtra}}
          web:
            command: ./web
            depends_on:
              migrate:
                condition: {{condition}}
          worker:
            command: ./worker
        """;

    [Fact(Timeout = 10_000)]
    public async Task A_process_compose_file_with_a_failing_process_completed_target_runs_its_dependants()
    {
        await using var harness = SupervisorHarness.Start(File(), dialect: ConfigurationDialect.ProcessCompose);
        var migrate = await harness.WaitForStartAsync("migrate");
        await harness.WaitForStartAsync("worker");

        migrate.Exit(2);

        var web = await harness.WaitForStartAsync("web");
        harness.Lines.Should().Contain("procman | migrate failed (exited with code 2); the others run on: a process waits for its end with process_completed");
        harness.Lines.Should().NotContain(line => line.StartsWith("procman | stopping all processes", StringComparison.Ordinal));
        (await harness.StateOfAsync("worker")).Should().Be("running");

        web.Exit(0);
        harness.Launcher.StartsOf("worker").Single().Exit(0);
        (await harness.ExitCodeAsync()).Should().Be(2, "the exit code after a failure is the failure's (ProcMan's rule, in both dialects)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_failing_process_completed_target_stop_everything_in_a_ProcMan_file()
    {
        await using var harness = SupervisorHarness.Start(File(), dialect: ConfigurationDialect.ProcMan);
        var migrate = await harness.WaitForStartAsync("migrate");
        await harness.WaitForStartAsync("worker");

        migrate.Exit(2);

        (await harness.ExitCodeAsync()).Should().Be(2);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: migrate failed", StringComparison.Ordinal));
        harness.Launcher.StartsOf("web").Should().BeEmpty();
    }

    [Theory(Timeout = 10_000)]
    [InlineData("process_completed_successfully", "")]
    [InlineData("process_completed", "    availability:\n      restart: exit_on_failure")]
    [InlineData("process_completed", "    availability:\n      exit_on_end: true")]
    public async Task A_process_compose_file_stops_everything_when_the_failure_is_not_awaited_as_an_end(string condition, string migrateExtra)
    {
        await using var harness = SupervisorHarness.Start(File(condition, migrateExtra), dialect: ConfigurationDialect.ProcessCompose);
        var migrate = await harness.WaitForStartAsync("migrate");
        await harness.WaitForStartAsync("worker");

        migrate.Exit(2);

        (await harness.ExitCodeAsync()).Should().Be(2);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: migrate failed", StringComparison.Ordinal));
        harness.Launcher.StartsOf("web").Should().BeEmpty();
    }
}
