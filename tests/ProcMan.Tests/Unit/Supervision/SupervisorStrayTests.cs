using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>Strays (processes that left their process's tree) at a stop, in memory.</summary>
public sealed class SupervisorStrayTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_procman_end_after_the_stop_timeout_even_with_a_stray_that_hops_to_a_new_pid_at_every_look()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              server:
                command: ./server
            """, launcher => launcher.HasHoppingStray = true, stopTimeout: TimeSpan.FromSeconds(5));
        await harness.WaitForLineAsync(line => line.StartsWith("procman | server started", StringComparison.Ordinal));

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));

        // Stepped by hand: a stray that is new at every look gives the supervisor something to
        // do at every message, so it never settles as AdvanceUntilAsync waits for it to.
        for (var step = 0; step < 600 && !harness.Running.IsCompleted; step++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            await BarrierAsync(harness);
        }
        (await harness.ExitCodeAsync()).Should().Be(130);
        harness.Time.GetUtcNow().Should().BeOnOrAfter(harness.Time.Start + TimeSpan.FromSeconds(5), "strays get their stop timeout");
        var signals = harness.Launcher.StraySignals.Select(sent => sent.Signal).ToList();
        signals[0].Should().Be(UnixSignal.Terminate);
        signals[^1].Should().Be(UnixSignal.Kill, "a stray found after the strays' timeout is killed at once");
    }

    /// <summary>Returns once the supervisor has handled every message posted before it (or has ended).</summary>
    private static async Task BarrierAsync(SupervisorHarness harness)
    {
        try
        {
            await Task.WhenAny(harness.Running, harness.Supervisor.GetSnapshotAsync());
        }
        catch (InvalidOperationException)
        {
            // It is shutting down.
        }
    }
}
