using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary><c>is_daemon</c>: a launcher whose success starts a daemon, stopped with its shutdown, in memory.</summary>
public sealed class SupervisorDaemonTests
{
    private const string Daemon = """
        processes:
          db:
            command: ./start-db
            is_daemon: true
            shutdown:
              command: ./stop-db
          web:
            command: ./web
        """;

    /// <summary>The shutdown command ends the daemon the launcher left, and exits with success.</summary>
    private static void StopsTheDaemon(ScriptedLauncher launcher) =>
        launcher.OnStart = child =>
        {
            if (child.Spec.Name == "db shutdown")
            {
                launcher.StartsOf("db").Last().BackgroundEnds();
                child.Exit(0);
            }
        };

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_daemon_run_on_after_its_launcher_exits_with_success()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");
        await harness.WaitForStartAsync("web");

        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");

        (await harness.StateOfAsync("db")).Should().Be("running");
        (await harness.StateOfAsync("web")).Should().Be("running");
        harness.Lines.Should().NotContain(line => line.StartsWith("procman | stopping all processes", StringComparison.Ordinal),
            "a daemon's launch is not an end, even where an end stops everything");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_launched_daemon_stopped_by_its_shutdown_command_in_its_turn()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");
        await harness.WaitForStartAsync("web");
        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        harness.Lines.Should().Contain("procman | running the shutdown command of db").And.Contain("procman | db's daemon has stopped");
        harness.Launcher.StartsOf("db shutdown").Should().ContainSingle();
        db.Signals.Should().BeEmpty("the shutdown command stopped the daemon: nothing was left to signal");
        harness.FinalStateOf("db").Should().Be("stopped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_daemon_that_left_its_launcher_s_tree_stopped_by_its_shutdown_command()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");
        await harness.WaitForStartAsync("web");
        db.Exit(0);
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");
        await harness.StateOfAsync("db");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        harness.Lines.Should().ContainInOrder("procman | running the shutdown command of db", "procman | db's daemon has stopped");
        db.Disposed.Should().BeTrue("the launcher is released once its daemon is over");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_failing_launcher_fail_as_any_process_does()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");

        db.Exit(3);

        (await harness.ExitCodeAsync()).Should().Be(3);
        harness.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: db failed", StringComparison.Ordinal));
        harness.FinalStateOf("db").Should().Be("failed");
        harness.Launcher.StartsOf("db shutdown").Should().BeEmpty("nothing was launched, so there is nothing to shut down");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_am_warned_of_a_launcher_still_running_after_its_launch_timeout_and_it_is_not_failed()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./start-db
                is_daemon: true
                launch_timeout_seconds: 2
            """);
        var db = await harness.WaitForStartAsync("db");

        await harness.AdvanceUntilAsync(() => harness.Lines.Any(line => line.Contains("still launching", StringComparison.Ordinal)));

        harness.Time.GetUtcNow().Should().Be(harness.Time.Start + TimeSpan.FromSeconds(2));
        var warning = "procman | db is still launching after 2 s (launch_timeout_seconds): a daemon's command should exit once the daemon runs";
        harness.Lines.Should().Contain(warning);
        harness.LevelOf(warning).Should().Be("warning");
        (await harness.StateOfAsync("db")).Should().Be("running");
        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_daemon_without_a_shutdown_command_stopped_by_its_signal_to_what_its_launcher_left()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./start-db
                is_daemon: true
            """);
        var db = await harness.WaitForStartAsync("db");
        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");

        harness.Supervisor.RequestStop(new StopRequest("received SIGINT", 130, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(130);
        db.Signals.Should().Equal(UnixSignal.Terminate);
        db.BackgroundAlive.Should().BeFalse();
        harness.FinalStateOf("db").Should().Be("stopped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_daemon_that_outlives_its_shutdown_command_killed_after_the_timeout()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./start-db
                is_daemon: true
                shutdown:
                  command: ./stop-db
                  timeout_seconds: 3
            """, launcher =>
            {
                launcher.IgnoringTerminate.Add("db");
                launcher.OnStart = child =>
                {
                    if (child.Spec.Name == "db shutdown")
                        child.Exit(1);
                };
            });
        var db = await harness.WaitForStartAsync("db");
        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");

        harness.Supervisor.RequestStop(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
        await harness.AdvanceUntilAsync(() => !db.BackgroundAlive);

        harness.Time.GetUtcNow().Should().Be(harness.Time.Start + TimeSpan.FromSeconds(3));
        db.Signals.Should().Equal(UnixSignal.Kill);
        (await harness.ExitCodeAsync()).Should().Be(0);
        harness.FinalStateOf("db").Should().Be("stopped");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_restart_a_daemon_its_shutdown_command_then_its_launcher_again()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");
        db.Launch();
        await harness.WaitForLineAsync("db launched its daemon; it runs until it is stopped");

        (await harness.Supervisor.ControlAsync(ControlAction.Restart, ["db"])).Should().BeNull();

        var again = await harness.WaitForStartAsync("db", start: 2);
        harness.Launcher.StartsOf("db shutdown").Should().ContainSingle();
        again.Should().NotBeSameAs(db);
        (await harness.StateOfAsync("db")).Should().Be("running");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_wait_for_a_daemon_to_be_ready_until_its_launcher_has_launched_it()
    {
        await using var harness = SupervisorHarness.Start(Daemon, StopsTheDaemon);
        var db = await harness.WaitForStartAsync("db");

        var ready = harness.Supervisor.WaitAsync(["db"], WaitCondition.Ready, CancellationToken.None);
        await harness.StateOfAsync("db");
        ready.IsCompleted.Should().BeFalse("a daemon still launching is not ready");

        db.Launch();
        (await ready.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_daemon_whose_liveness_fails_stopped_and_restarted_by_its_policy()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              db:
                command: ./start-db
                is_daemon: true
                availability:
                  restart: always
                liveness_probe:
                  exec:
                    command: ./db-alive
                  initial_delay_seconds: 1
                  period_seconds: 1
                  failure_threshold: 1
                shutdown:
                  command: ./stop-db
            """, StopsTheDaemon, probes: new Dictionary<string, Attempt[]> { ["./db-alive"] = [Attempt.Fails] });
        var db = await harness.WaitForStartAsync("db");
        db.Launch();

        await harness.AdvanceUntilAsync(() => harness.Launcher.StartsOf("db").Count == 2);

        harness.Lines.Should().Contain("procman | db's daemon has stopped");
        harness.Lines.Should().Contain(line => line.StartsWith("procman | db restarting in ", StringComparison.Ordinal));
        harness.Launcher.StartsOf("db shutdown").Should().ContainSingle();
    }
}
