using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>Stop requests that come while a stop is under way, in memory.</summary>
public sealed class SupervisorStopTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_see_a_second_request_that_does_not_force_wait_out_the_stop_timeout_before_SIGKILL()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              stubborn:
                command: ./stubborn
            """, launcher => launcher.IgnoringTerminate.Add("stubborn"), stopTimeout: TimeSpan.FromSeconds(5));
        var stubborn = await harness.WaitForStartAsync("stubborn");

        harness.Supervisor.RequestStop(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
        await harness.WaitForLineAsync("sending SIGTERM to stubborn");
        harness.Supervisor.RequestStop(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
        await harness.StateOfAsync("stubborn");
        stubborn.Signals.Should().Equal(UnixSignal.Terminate);

        await harness.AdvanceUntilAsync(() => stubborn.Exited.IsCompleted);

        harness.Time.GetUtcNow().Should().BeOnOrAfter(harness.Time.Start + TimeSpan.FromSeconds(5));
        stubborn.Signals.Should().Equal(UnixSignal.Terminate, UnixSignal.Kill);
        (await harness.ExitCodeAsync()).Should().Be(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_keep_the_first_stop_request_s_exit_code_when_a_second_one_forces_the_kill()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              stubborn:
                command: ./stubborn
            """, launcher => launcher.IgnoringTerminate.Add("stubborn"));
        var stubborn = await harness.WaitForStartAsync("stubborn");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));
        await harness.WaitForLineAsync("sending SIGTERM to stubborn");
        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        stubborn.Signals.Should().Equal(UnixSignal.Terminate, UnixSignal.Kill);
        harness.Lines.Should().Contain("procman | sending SIGKILL to stubborn (received SIGINT again)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_the_first_signal_after_a_failure_stop_gracefully_and_the_second_one_kill()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              tests:
                command: ./tests
              server:
                command: ./server
            """, launcher => launcher.IgnoringTerminate.Add("server"));
        var tests = await harness.WaitForStartAsync("tests");
        var server = await harness.WaitForStartAsync("server");
        tests.Exit(1);
        await harness.WaitForLineAsync("sending SIGTERM to server");

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));
        await harness.StateOfAsync("server");
        server.Signals.Should().Equal([UnixSignal.Terminate], "the first Ctrl-C lets the stop that began go on");
        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(1);
        server.Signals.Should().Equal(UnixSignal.Terminate, UnixSignal.Kill);
        harness.Time.GetUtcNow().Should().Be(harness.Time.Start, "the second Ctrl-C does not wait for the timeout");
    }

    [Theory(Timeout = 10_000)]
    [InlineData("received SIGINT", 130)]
    [InlineData("procman down was run", 0)]
    public async Task I_get_the_stop_s_code_and_see_the_waiting_processes_stopped_not_skipped_when_a_stop_comes_while_they_wait(string reason, int code)
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./db
                ready_log_line: accepting connections
              web:
                command: ./web
                ready_log_line: listening
                depends_on: {db: {condition: process_healthy}}
              proxy:
                command: ./proxy
                depends_on: {web: {condition: process_healthy}}
            """);
        await harness.WaitForStartAsync("db");
        await harness.WaitForLineAsync("proxy is waiting for web (process_healthy)");

        harness.Supervisor.RequestStop(new StopRequest(reason, code, ForcesOnRepeat: code != 0));

        (await harness.ExitCodeAsync()).Should().Be(code, "a stop before any end is never a failure");
        harness.FinalStateOf("web").Should().Be("stopped");
        harness.FinalStateOf("proxy").Should().Be("stopped");
        harness.Lines.Should().NotContain(line => line.Contains("skipped", StringComparison.Ordinal));
        harness.Launcher.StartsOf("web").Should().BeEmpty();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_am_told_with_the_first_Ctrl_C_that_a_second_one_forces_and_how_long_the_grace_period_is()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              server:
                command: ./server
              db:
                command: ./db
                shutdown: {timeout_seconds: 12}
            """, stopTimeout: TimeSpan.FromSeconds(5));
        await harness.WaitForStartAsync("db");

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true, "press Ctrl-C again"));

        await harness.WaitForLineAsync("stopping all processes: received SIGINT; press Ctrl-C again to force, grace period 12 s");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_am_told_that_a_signal_after_a_failure_can_still_force_the_stop_under_way()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              tests:
                command: ./tests
              server:
                command: ./server
            """, launcher => launcher.IgnoringTerminate.Add("server"));
        var tests = await harness.WaitForStartAsync("tests");
        await harness.WaitForStartAsync("server");
        tests.Exit(1);
        await harness.WaitForLineAsync("sending SIGTERM to server");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true, "send SIGTERM again"));

        await harness.WaitForLineAsync("received SIGTERM: already stopping; send SIGTERM again to force, grace period 5 s");
    }
}
