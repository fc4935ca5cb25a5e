using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>exit_on_end and which code ProcMan exits with (README's table), in memory.</summary>
public sealed class SupervisorExitCodeTests
{
    [Fact(Timeout = 10_000)]
    public async Task I_get_the_code_of_a_successful_end_that_stopped_everything_and_am_told_how_to_let_the_others_run_on()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              job:
                command: ./job
                success_exit_codes: [3]
              server:
                command: ./server
            """);
        var job = await harness.WaitForStartAsync("job");
        var server = await harness.WaitForStartAsync("server");

        job.Exit(3);

        (await harness.ExitCodeAsync()).Should().Be(3, "a code from success_exit_codes is that end's code");
        harness.Lines.Should().Contain("procman | stopping all processes: job ended (exited with code 3); to let the others run on, set availability.exit_on_end: false on job");
        server.Signals.Should().Equal(UnixSignal.Terminate);
        harness.FinalStateOf("job").Should().Be("completed");
        harness.FinalStateOf("server").Should().Be("stopped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_the_others_run_on_when_a_process_with_exit_on_end_false_completes_and_get_0_when_the_last_one_ends()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              build:
                command: ./build
                availability: {exit_on_end: false}
              server:
                command: ./server
            """);
        var build = await harness.WaitForStartAsync("build");
        var server = await harness.WaitForStartAsync("server");

        build.Exit(0);
        await harness.WaitForLineAsync("build completed; the others run on (exit_on_end is false)");
        (await harness.StateOfAsync("server")).Should().Be("running");
        server.Signals.Should().BeEmpty();
        harness.Running.IsCompleted.Should().BeFalse();

        server.Exit(0);

        (await harness.ExitCodeAsync()).Should().Be(0);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: server ended (exited with code 0)", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_the_first_failure_s_code_even_when_it_comes_after_an_end_that_did_not_stop_everything()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              lint:
                command: ./lint
                availability: {exit_on_end: false}
              tests:
                command: ./tests
              server:
                command: ./server
            """);
        var lint = await harness.WaitForStartAsync("lint");
        var tests = await harness.WaitForStartAsync("tests");
        await harness.WaitForStartAsync("server");

        lint.Exit(0);
        await harness.WaitForLineAsync("lint completed; the others run on (exit_on_end is false)");
        tests.Exit(5);

        (await harness.ExitCodeAsync()).Should().Be(5);
        harness.Lines.Should().Contain("procman | stopping all processes: tests failed (exited with code 5)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_128_plus_N_when_a_process_dies_of_signal_N_unless_that_code_counts_as_success()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              crashes:
                command: ./crashes
              server:
                command: ./server
            """);
        var crashes = await harness.WaitForStartAsync("crashes");
        await harness.WaitForStartAsync("server");

        crashes.Die(UnixSignal.Kill);

        (await harness.ExitCodeAsync()).Should().Be(137);
        harness.Lines.Should().Contain("procman | stopping all processes: crashes failed (killed by SIGKILL)");
        harness.FinalStateOf("crashes").Should().Be("failed");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_the_stop_signal_s_code_when_the_stop_came_before_any_end_whatever_the_children_exit_with()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
            """, launcher => launcher.IgnoringTerminate.Add("web"));
        var web = await harness.WaitForStartAsync("web");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));
        await harness.WaitForLineAsync("sending SIGTERM to web");
        web.Exit(1);

        (await harness.ExitCodeAsync()).Should().Be(143, "an exit after ProcMan's stop is no failure of its own");
        harness.FinalStateOf("web").Should().Be("stopped");
        harness.Lines.Should().NotContain(line => line.Contains("failed", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_the_first_failure_s_code_and_not_the_signal_s_when_the_signal_comes_after_the_failure()
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
        tests.Exit(3);
        await harness.WaitForLineAsync("sending SIGTERM to server");

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));
        await harness.AdvanceUntilAsync(() => server.Exited.IsCompleted);

        (await harness.ExitCodeAsync()).Should().Be(3);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_get_the_code_of_the_last_failure_once_max_restarts_is_used_up()
    {
        var codes = new Queue<int>([2, 5]);
        await using var harness = SupervisorHarness.Start("""
            processes:
              flaky:
                command: ./flaky
                availability: {restart: on_failure, backoff_seconds: 1, max_restarts: 1}
              server:
                command: ./server
            """, launcher => launcher.OnStart = child => { if (child.Spec.Name == "flaky") child.Exit(codes.Dequeue()); });

        await harness.WaitForLineAsync("flaky restarting in 1 s (attempt 1 of 1)");
        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("flaky").Count == 2);

        (await harness.ExitCodeAsync()).Should().Be(5, "the exit that was restarted is not an end");
        harness.Lines.Should().Contain("procman | stopping all processes: flaky failed (exited with code 5)");
        harness.Lines.Should().NotContain(line => line.Contains("attempt 2", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_restart_always_stop_at_max_restarts_and_its_last_success_end_everything_with_0()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              loop:
                command: ./loop
                availability: {restart: always, backoff_seconds: 1, max_restarts: 2}
              server:
                command: ./server
            """, launcher => launcher.OnStart = child => { if (child.Spec.Name == "loop") child.Exit(0); });

        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("loop").Count == 3);

        (await harness.ExitCodeAsync()).Should().Be(0);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: loop ended (exited with code 0)", StringComparison.Ordinal));
        harness.Launcher.StartsOf("loop").Should().HaveCount(3);
        harness.Launcher.StartsOf("server").Single().Signals.Should().Equal(UnixSignal.Terminate);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_plain_exit_130_reported_as_an_exit_code_and_a_death_by_SIGINT_as_a_signal()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              exits:
                command: ./exits
                success_exit_codes: [130]
                availability: {exit_on_end: false}
              interrupted:
                command: ./interrupted
                success_exit_codes: [130]
                availability: {exit_on_end: false}
            """);
        var exits = await harness.WaitForStartAsync("exits");
        var interrupted = await harness.WaitForStartAsync("interrupted");

        exits.Exit(130);
        interrupted.Die(UnixSignal.Interrupt);

        // Both are successes here, so that neither stops the other before its end is reported.
        (await harness.ExitCodeAsync()).Should().Be(0);
        harness.Lines.Should().Contain("procman | exits exited with code 130")
            .And.Contain("procman | interrupted killed by SIGINT")
            .And.NotContain(line => line.Contains("exits exited with code 130 (", StringComparison.Ordinal));
        var final = harness.Supervisor.FinalSnapshot.ToDictionary(i => i.Name);
        (final["exits"].ExitCode, final["exits"].Signal).Should().Be((130, (UnixSignal?)null));
        (final["interrupted"].ExitCode, final["interrupted"].Signal).Should().Be((130, UnixSignal.Interrupt));
    }
}
