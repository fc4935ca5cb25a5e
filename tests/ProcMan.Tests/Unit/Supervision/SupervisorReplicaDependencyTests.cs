using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

/// <summary>A dependency on one replica waits for that replica, not for its siblings.</summary>
public sealed class SupervisorReplicaDependencyTests
{
    private const string ClientAfterSecondWeb = """
        processes:
          web:
            command: ./web
            replicas: 2
          client:
            command: ./client
            depends_on: {web-1: {condition: process_completed}}
        """;

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_one_replica_start_when_that_replica_ended_while_the_other_runs()
    {
        await using var harness = SupervisorHarness.Start(ClientAfterSecondWeb, dialect: ConfigurationDialect.ProcessCompose);
        await harness.WaitForStartAsync("web-0");
        var second = await harness.WaitForStartAsync("web-1");
        await harness.WaitForLineAsync("client is waiting for web-1 (process_completed)");

        second.Exit(0);

        await harness.WaitForStartAsync("client");
        (await harness.StateOfAsync("web-0")).Should().Be("running");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_dependent_on_one_replica_keep_waiting_when_only_another_replica_ended()
    {
        await using var harness = SupervisorHarness.Start(ClientAfterSecondWeb, dialect: ConfigurationDialect.ProcessCompose);
        var first = await harness.WaitForStartAsync("web-0");
        await harness.WaitForLineAsync("client is waiting for web-1 (process_completed)");

        first.Exit(0);

        await harness.WaitForLineAsync(line => line.StartsWith("procman | web-0 completed", StringComparison.Ordinal));
        (await harness.StateOfAsync("client")).Should().Be("waiting");
    }
}
