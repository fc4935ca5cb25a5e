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
}
