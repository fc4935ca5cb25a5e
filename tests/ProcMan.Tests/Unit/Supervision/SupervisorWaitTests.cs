using FluentAssertions;
using ProcMan.Control;
using ProcMan.Supervision;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>What <c>procman wait --for started|ready|completed</c> is told, and when, in memory.</summary>
public sealed class SupervisorWaitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 10_000)]
    public async Task I_can_wait_for_a_process_without_probe_or_ready_line_to_be_ready_as_soon_as_it_runs()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
            """);
        await harness.WaitForStartAsync("web");

        (await harness.Supervisor.WaitAsync(["web"], WaitCondition.Ready, CancellationToken.None).WaitAsync(Patience)).Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_wait_for_every_replica_to_print_its_ready_line()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                replicas: 2
                ready_log_line: listening
            """);
        var first = await harness.WaitForStartAsync("web.1");
        var second = await harness.WaitForStartAsync("web.2");
        var ready = harness.Supervisor.WaitAsync(["web"], WaitCondition.Ready, CancellationToken.None);

        first.WriteLine("listening on :5000");
        await harness.WaitForLineAsync("web.1 is ready (printed its ready_log_line)");
        await harness.StateOfAsync("web.1");
        ready.IsCompleted.Should().BeFalse("web.2 is not ready yet");

        second.WriteLine("listening on :5001");

        (await ready.WaitAsync(Patience)).Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_am_told_a_process_will_never_be_ready_when_it_ends_before_its_ready_line()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                ready_log_line: listening
                availability: {exit_on_end: false}
              other:
                command: ./other
            """);
        var web = await harness.WaitForStartAsync("web");
        var ready = harness.Supervisor.WaitAsync(["web"], WaitCondition.Ready, CancellationToken.None);
        await harness.StateOfAsync("web");
        ready.IsCompleted.Should().BeFalse();

        web.Exit(0);

        (await ready.WaitAsync(Patience)).Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task I_can_wait_for_a_process_to_complete_and_am_told_when_it_failed_instead()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              migrate:
                command: ./migrate
                availability: {exit_on_end: false}
              seed:
                command: ./seed
                availability: {exit_on_end: false}
              server:
                command: ./server
            """, launcher => launcher.IgnoringTerminate.Add("server"));
        var migrate = await harness.WaitForStartAsync("migrate");
        var seed = await harness.WaitForStartAsync("seed");
        var migrated = harness.Supervisor.WaitAsync(["migrate"], WaitCondition.Completed, CancellationToken.None);
        var seeded = harness.Supervisor.WaitAsync(["seed"], WaitCondition.Completed, CancellationToken.None);
        await harness.StateOfAsync("migrate");
        migrated.IsCompleted.Should().BeFalse("it still runs");

        migrate.Exit(0);
        (await migrated.WaitAsync(Patience)).Should().BeTrue();
        seeded.IsCompleted.Should().BeFalse();

        seed.Exit(1);
        (await seeded.WaitAsync(Patience)).Should().BeFalse("it failed: it can never complete now");
        harness.Running.IsCompleted.Should().BeFalse("the answer comes at the failure, not when ProcMan is done (server still has its stop timeout)");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_wait_with_a_timeout_end_at_the_timeout_on_the_clock_and_not_before()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
                ready_log_line: listening
            """);
        await harness.WaitForStartAsync("web");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), harness.Time);
        var ready = harness.Supervisor.WaitAsync(["web"], WaitCondition.Ready, timeout.Token);

        harness.Time.Advance(TimeSpan.FromSeconds(29.9));
        await harness.StateOfAsync("web");
        ready.IsCompleted.Should().BeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        await ready.Invoking(r => r.WaitAsync(Patience)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact(Timeout = 10_000)]
    public async Task ProcMan_refuses_a_wait_for_a_process_it_does_not_know()
    {
        await using var harness = SupervisorHarness.Start("""
            processes:
              web:
                command: ./web
            """);

        await harness.Supervisor.Invoking(s => s.WaitAsync(["web", "wbe"], WaitCondition.Started, CancellationToken.None).WaitAsync(Patience))
            .Should().ThrowAsync<ArgumentException>().WithMessage("no process named wbe; did you mean `web`?");
    }
}
