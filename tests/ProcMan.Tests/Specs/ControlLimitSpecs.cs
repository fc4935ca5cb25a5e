using System.Net.Sockets;
using System.Text.Json;
using FluentAssertions;
using ProcMan.Control;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>The control socket against clients that take more than their share: many, idle, oversized, malformed.</summary>
public sealed class ControlLimitSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 90_000)]
    public async Task I_can_still_list_and_stop_the_processes_when_idle_clients_flood_the_socket_at_the_descriptor_limit()
    {
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var up = ProcManRun.StartAfter("ulimit -n 128", _directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");
        var socket = ControlSocketPath.For(file);
        var idle = new List<RawControlConnection>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                // Accepted or waiting in the backlog: either way each holds a place.
                if (await RawControlConnection.TryConnectAsync(socket, TimeSpan.FromSeconds(5)) is not { } connection)
                    break;
                idle.Add(connection);
            }

            var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");
            ps.Should().Match<ProcManCommand.Result>(r => r.ExitCode == 0 && r.Lines.Any(line => line.StartsWith("web ", StringComparison.Ordinal)), "ps is served: {0}", ps.Stderr);
            var down = await ProcManCommand.RunAsync(_directory.Path, "down");
            down.ExitCode.Should().Be(0, "down is served: {0}", down.Stderr);

            (await up.WaitForExitAsync()).Should().Be(0);
            idle.Should().HaveCount(200, "procman went on accepting (and closing the oldest idle clients)");
            up.Lines.Should().Contain(line => line.StartsWith("procman | control socket: ", StringComparison.Ordinal) && line.Contains("closing the oldest idle", StringComparison.Ordinal));
            up.Lines.Should().Contain("procman | stopping all processes: procman down was run");
            up.Lines.Should().Contain(line => line.StartsWith("procman | process ", StringComparison.Ordinal), "the summary is written");
            up.Stderr.Should().BeEmpty();
        }
        finally
        {
            foreach (var connection in idle)
                connection.Dispose();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ProcMan_refuses_a_request_line_longer_than_a_mebibyte_and_goes_on_serving()
    {
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");
        using var flooder = await RawControlConnection.ConnectAsync(ControlSocketPath.For(file));

        // It may stop taking them before the last: it has answered by then.
        _ = await flooder.TrySendAsync(new byte[2 * 1024 * 1024].Select(_ => (byte)'x').ToArray());
        var answer = await flooder.ReadToEndAsync(TimeSpan.FromSeconds(5));

        answer.Should().Be("{\"ok\":false,\"error\":\"bad request: longer than 1 MiB\"}\n");
        (await ProcManCommand.RunAsync(_directory.Path, "ps")).ExitCode.Should().Be(0);
        up.Stderr.Should().BeEmpty();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("{\"command\":\"ps\",\"command\":\"down\"}", "bad request: the key `command` appears more than once")]
    [InlineData("null", "bad request: expected an object with a command")]
    [InlineData("{\"command\":null}", "bad request: expected an object with a command")]
    public async Task ProcMan_refuses_a_request_with_a_duplicate_key_or_no_command_and_the_stack_runs_on(string request, string error)
    {
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");
        using var connection = await RawControlConnection.ConnectAsync(ControlSocketPath.For(file));

        (await connection.TrySendAsync(request + "\n")).Should().BeTrue();
        var answer = await connection.ReadToEndAsync(TimeSpan.FromSeconds(5));

        answer.Should().EndWith("}\n");
        using (var json = JsonDocument.Parse(answer))
        {
            json.RootElement.GetProperty("ok").GetBoolean().Should().BeFalse();
            json.RootElement.GetProperty("error").GetString().Should().Be(error);
        }
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");
        ps.Lines.Should().Contain(line => line.StartsWith("web ", StringComparison.Ordinal) && line.Contains(" running ", StringComparison.Ordinal));
        up.Lines.Should().NotContain(line => line.StartsWith("procman | stopping all processes", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_am_told_procman_is_busy_not_gone_when_its_backlog_is_full()
    {
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", "exec sleep 300")));
        var path = ControlSocketPath.For(file);
        // A listener that accepts nothing, its backlog full after one connection: a procman
        // swamped by a flood.
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(0);
        using var first = await RawControlConnection.ConnectAsync(path);

        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");

        ps.ExitCode.Should().Be(1);
        ps.Stderr.Should().Be("procman: the procman running for procfile.yml accepted no connection within 5 s (too many clients); try again\n");
    }
}
