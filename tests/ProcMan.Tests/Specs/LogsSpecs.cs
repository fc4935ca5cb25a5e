using System.Text.Json;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary><c>procman logs</c> against a real run: ProcMan's events about a process come with its lines.</summary>
public sealed class LogsSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_follow_a_process_with_ProcMan_s_events_about_it_and_not_about_the_others()
    {
        // Each run of web waits for a line in the fifo, so the follower is attached before it exits.
        var go = await _directory.CreateFifoAsync("go");
        _directory.Write("procfile.yml", $$"""
            processes:
              web:
                command: read go < {{go}}; echo hi; exit 3
                availability:
                  restart: on_failure
                  backoff_seconds: 0.1
              other:
                command: echo other; exec sleep 300
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line.StartsWith("procman | web started with pid ", StringComparison.Ordinal));
        await up.WaitForLineAsync(line => line == "other   | other");
        var firstPid = up.PidOf("web");

        await using var follower = ProcManRun.Start(_directory.Path, "logs", "-f", "web");
        await follower.WaitForLineAsync(line => line.StartsWith("procman | web started with pid ", StringComparison.Ordinal));
        (await ProcManCommand.RunAsync(_directory.Path, "restart", "other")).ExitCode.Should().Be(0);
        await File.WriteAllTextAsync(go, "go\n");
        await follower.WaitForLinesAsync(line => line.StartsWith("procman | web started with pid ", StringComparison.Ordinal), 2);

        var expected = new[]
        {
            $"procman | web started with pid {firstPid}",
            "web     | hi",
            "procman | web exited with code 3",
            "procman | web restarting in 0.1 s (attempt 1)",
        };
        follower.Lines.Take(4).Should().Equal(expected, "the events are printed as up prints them, in order with web's lines");
        follower.Lines.Should().NotContain(line => line.Contains("other", StringComparison.Ordinal), "other was restarted meanwhile, but only web was asked for");
        up.Lines.Should().Contain(line => line.StartsWith("procman | other started with pid ", StringComparison.Ordinal));

        var after = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "100", "web");
        after.ExitCode.Should().Be(0);
        after.Lines.Take(4).Should().Equal(expected, "the ring kept them with web's lines");
        after.Lines.Should().HaveCount(5).And.NotContain(line => line.Contains("other", StringComparison.Ordinal));
        var everything = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "100");
        everything.Lines.Count(line => line == "procman | web exited with code 3").Should().Be(1, "with no name, each event is shown once");
        everything.Lines.Should().Contain(line => line.StartsWith("procman | other started with pid ", StringComparison.Ordinal));

        var json = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "100", "--output", "json", "web");
        using var exited = JsonDocument.Parse(json.Lines.Single(line => line.Contains("\"event\":\"exited\"", StringComparison.Ordinal)));
        exited.RootElement.GetProperty("process").GetString().Should().Be("procman");
        exited.RootElement.GetProperty("name").GetString().Should().Be("web");
        exited.RootElement.GetProperty("exit_code").GetInt32().Should().Be(3);
        exited.RootElement.GetProperty("level").GetString().Should().Be("warning");
    }
}
