using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary><c>shutdown.parent_only</c>: the stop signal goes to the process alone, in memory.</summary>
public sealed class SupervisorParentOnlyTests
{
    private const string ParentOnly = """
        processes:
          app:
            command: ./app
            shutdown:
              signal: INT
              parent_only: true
              timeout_seconds: 4
        """;

    [Fact(Timeout = 10_000)]
    public async Task I_see_the_stop_signal_sent_to_the_parent_alone_with_parent_only()
    {
        await using var harness = SupervisorHarness.Start(ParentOnly);
        var app = await harness.WaitForStartAsync("app");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        app.ParentSignals.Should().Equal(UnixSignal.Interrupt);
        app.Signals.Should().BeEmpty("its group was not signalled");
        harness.Lines.Should().Contain("procman | sending SIGINT to app (its parent process only)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_what_outlives_a_parent_only_process_get_the_signal_once_it_has_exited()
    {
        await using var harness = SupervisorHarness.Start(ParentOnly);
        var app = await harness.WaitForStartAsync("app");
        app.LeaveBackgroundJob();

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        app.ParentSignals.Should().Equal(UnixSignal.Interrupt);
        app.Signals.Should().Equal([UnixSignal.Interrupt], "what is left of its group is no orphan: it gets the signal after the parent");
        app.BackgroundAlive.Should().BeFalse();
        harness.Time.GetUtcNow().Should().Be(harness.Time.Start, "nothing waited for the timeout");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_parent_only_process_that_ignores_its_signal_killed_with_its_group_after_the_timeout()
    {
        await using var harness = SupervisorHarness.Start(ParentOnly, launcher => launcher.IgnoringTerminate.Add("app"));
        var app = await harness.WaitForStartAsync("app");
        app.LeaveBackgroundJob();

        harness.Supervisor.RequestStop(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
        await harness.AdvanceUntilAsync(() => app.Exited.IsCompleted);

        harness.Time.GetUtcNow().Should().Be(harness.Time.Start + TimeSpan.FromSeconds(4));
        app.ParentSignals.Should().Equal(UnixSignal.Interrupt);
        app.Signals.Should().Equal([UnixSignal.Kill], "SIGKILL goes to the whole group, whatever parent_only says");
        app.BackgroundAlive.Should().BeFalse();
        (await harness.ExitCodeAsync()).Should().Be(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_the_group_signalled_without_parent_only()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              app:
                command: ./app
            """);
        var app = await harness.WaitForStartAsync("app");

        harness.Supervisor.RequestStop(new StopRequest("received SIGTERM", 143, ForcesOnRepeat: true));

        (await harness.ExitCodeAsync()).Should().Be(143);
        app.Signals.Should().Equal(UnixSignal.Terminate);
        app.ParentSignals.Should().BeEmpty();
    }
}
