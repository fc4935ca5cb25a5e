using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>process-compose's <c>availability.exit_on_skipped</c>, and its default per dialect, in memory.</summary>
public sealed class SupervisorExitOnSkippedTests
{
    /// <summary>web is skipped once db ends without ever being ready; other is unrelated.</summary>
    private static string File(string webAvailability) => $$$"""
        processes:
          db:
            command: ./db
            ready_log_line: accepting connections
            availability: {exit_on_end: false}
          web:
            command: ./web
            depends_on: {db: {condition: process_healthy}}
            {{{webAvailability}}}
          other:
            command: ./other
        """;

    // The file's availability line for web, and whether the file is read as process-compose's.
    public static TheoryData<string, bool> RunsOn => new()
    {
        { "availability: {exit_on_skipped: false}", false },
        { "availability: {exit_on_skipped: false}", true },
        { "description: no exit_on_skipped", true },
    };

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(RunsOn))]
    public async Task A_process_compose_file_with_a_skipped_process_lets_the_others_run_on_unless_exit_on_skipped(string webAvailability, bool processCompose)
    {
        await using var harness = SupervisorHarness.Start(File(webAvailability), dialect: processCompose ? ConfigurationDialect.ProcessCompose : ConfigurationDialect.ProcMan);
        var db = await harness.WaitForStartAsync("db");
        var other = await harness.WaitForStartAsync("other");

        db.Exit(0);
        await harness.WaitForLineAsync("web was skipped; the others run on (exit_on_skipped is false)");

        other.Signals.Should().BeEmpty();
        (await harness.StateOfAsync("other")).Should().Be("running");
        other.Exit(0);
        (await harness.ExitCodeAsync()).Should().Be(0, "the skip neither stopped nor failed the run; other's end did stop it");
        harness.FinalStateOf("web").Should().Be("skipped");
    }

    public static TheoryData<string, bool> StopsOn => new()
    {
        { "availability: {exit_on_skipped: true}", true },
        { "availability: {exit_on_skipped: true}", false },
        { "description: no exit_on_skipped", false },
    };

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(StopsOn))]
    public async Task A_skipped_process_with_exit_on_skipped_stops_everything_with_code_1(string webAvailability, bool processCompose)
    {
        await using var harness = SupervisorHarness.Start(File(webAvailability), dialect: processCompose ? ConfigurationDialect.ProcessCompose : ConfigurationDialect.ProcMan);
        var db = await harness.WaitForStartAsync("db");
        var other = await harness.WaitForStartAsync("other");

        db.Exit(0);

        (await harness.ExitCodeAsync()).Should().Be(1);
        other.Signals.Should().Equal(UnixSignal.Terminate);
        harness.FinalStateOf("web").Should().Be("skipped");
    }
}
