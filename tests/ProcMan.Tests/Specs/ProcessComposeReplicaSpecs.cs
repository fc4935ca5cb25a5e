using System.Text.Json;
using FluentAssertions;
using ProcMan.Control;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>A process-compose file's replicas and namespaces on a real run: names, templates, ps and the clients.</summary>
public sealed class ProcessComposeReplicaSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_replicas_runs_them_as_process_compose_names_them_and_I_can_stop_a_namespace()
    {
        _directory.Write("process-compose.yml", """
            processes:
              web:
                command: echo "web $$PC_REPLICA_NUM {{.PC_REPLICA_NUM}} up"; exec sleep 300
                replicas: 2
              solo:
                command: echo "solo up"; exec sleep 300
                namespace: tools
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up", "--no-summary");
        await up.WaitForLineAsync(line => line.StartsWith("web-0 ", StringComparison.Ordinal) && line.EndsWith("| web 0 0 up", StringComparison.Ordinal));
        await up.WaitForLineAsync(line => line.StartsWith("web-1 ", StringComparison.Ordinal) && line.EndsWith("| web 1 1 up", StringComparison.Ordinal));
        await up.WaitForLineAsync(line => line.EndsWith("| solo up", StringComparison.Ordinal));

        var rows = await RowsAsync();
        rows.Select(row => (row.Name, row.Namespace)).Should().Equal(("web-0", "default"), ("web-1", "default"), ("solo", "tools"));
        (await ProcManCommand.RunAsync(_directory.Path, "ps")).Lines[0].Should().StartWith("NAME   NAMESPACE  STATE");

        var stop = await ProcManCommand.RunAsync(_directory.Path, "stop", "-n", "tools");

        stop.ExitCode.Should().Be(0);
        var after = (await RowsAsync()).ToDictionary(row => row.Name, row => row.State);
        after.Should().Equal(new Dictionary<string, string> { ["web-0"] = "running", ["web-1"] = "running", ["solo"] = "stopped" });
        (await ProcManCommand.RunAsync(_directory.Path, "stop", "web-1")).ExitCode.Should().Be(0);
        (await RowsAsync()).Single(row => row.Name == "web-1").State.Should().Be("stopped");
    }

    private async Task<IReadOnlyList<ProcessStatus>> RowsAsync()
    {
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps", "--json");
        ps.ExitCode.Should().Be(0, ps.Stderr);
        return JsonSerializer.Deserialize(ps.Stdout, ControlJson.Default.IReadOnlyListProcessStatus)!;
    }
}
