using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>In a process-compose file the back-off is process-compose's: the same wait before every restart, at least 1 second.</summary>
public sealed class SupervisorProcessComposeBackoffTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_a_process_compose_file_wait_backoff_seconds_before_every_restart_without_doubling()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 2}
            """, dialect: ConfigurationDialect.ProcessCompose);
        for (var start = 1; start <= 3; start++)
        {
            (await harness.WaitForStartAsync("flaky", start)).Exit(1);
            await harness.WaitForLineAsync($"flaky restarting in 2 s (attempt {start})");
            var next = start + 1;
            await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == next);
        }

        harness.Lines.Should().NotContain(line => line.Contains("restarting in 4 s", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_process_compose_file_take_a_back_off_of_0_as_its_1_second_minimum()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 0}
            """, dialect: ConfigurationDialect.ProcessCompose);

        (await harness.WaitForStartAsync("flaky")).Exit(1);

        await harness.WaitForLineAsync("flaky restarting in 1 s (attempt 1)");
    }
}
