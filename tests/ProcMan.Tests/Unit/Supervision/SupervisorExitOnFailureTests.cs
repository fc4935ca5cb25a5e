using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>process-compose's <c>restart: exit_on_failure</c>, in memory.</summary>
public sealed class SupervisorExitOnFailureTests
{
    private const string File = """
        processes:
          job:
            command: ./job
            availability: {restart: exit_on_failure, backoff_seconds: 1}
          server:
            command: ./server
        """;

    [Fact(Timeout = 10_000)]
    public async Task A_process_compose_file_with_exit_on_failure_stops_everything_with_the_failing_code_and_never_restarts()
    {
        await using var harness = SupervisorHarness.Start(File);
        var job = await harness.WaitForStartAsync("job");
        var server = await harness.WaitForStartAsync("server");

        job.Exit(7);

        (await harness.ExitCodeAsync()).Should().Be(7);
        server.Signals.Should().Equal(UnixSignal.Terminate);
        harness.FinalStateOf("job").Should().Be("failed");
        harness.Lines.Should().NotContain(line => line.Contains("restarting", StringComparison.Ordinal));
    }
}
