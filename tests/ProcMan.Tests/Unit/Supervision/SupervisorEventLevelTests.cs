using FluentAssertions;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>The level of ProcMan's events, which picks their colour and JSON's "level": failures must stand out.</summary>
public sealed class SupervisorEventLevelTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_a_failed_exit_and_the_stop_it_causes_as_warnings_and_the_routine_as_information()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              tests:
                command: ./tests
              server:
                command: ./server
            """);
        var tests = await harness.WaitForStartAsync("tests");
        await harness.WaitForStartAsync("server");

        tests.Exit(3);

        (await harness.ExitCodeAsync()).Should().Be(3);
        harness.LevelOf("procman | tests exited with code 3").Should().Be("warning");
        harness.LevelOf("procman | stopping all processes: tests failed (exited with code 3)").Should().Be("warning");
        harness.LevelOf(harness.Lines.First(l => l.StartsWith("procman | tests started with pid ", StringComparison.Ordinal))).Should().Be("info");
        harness.LevelOf("procman | sending SIGTERM to server").Should().Be("info");
        harness.LevelOf(harness.Lines.First(l => l.StartsWith("procman | server killed by SIGTERM", StringComparison.Ordinal)))
            .Should().Be("info", "ProcMan stopped it: its exit is what ProcMan asked for");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_successful_end_and_a_requested_stop_as_information_and_SIGKILL_as_a_warning()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              stubborn:
                command: ./stubborn
            """, launcher => launcher.IgnoringTerminate.Add("stubborn"), stopTimeout: TimeSpan.FromSeconds(5));
        var stubborn = await harness.WaitForStartAsync("stubborn");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));
        await harness.AdvanceUntilAsync(() => stubborn.Exited.IsCompleted);

        (await harness.ExitCodeAsync()).Should().Be(143);
        harness.LevelOf(harness.Lines.First(l => l.StartsWith("procman | stopping all processes: received SIGTERM", StringComparison.Ordinal))).Should().Be("info");
        harness.LevelOf(harness.Lines.First(l => l.StartsWith("procman | sending SIGKILL to stubborn", StringComparison.Ordinal))).Should().Be("warning");
        harness.LevelOf(harness.Lines.First(l => l.StartsWith("procman | stubborn killed by SIGKILL", StringComparison.Ordinal))).Should().Be("info");
    }
}
