using FluentAssertions;
using ProcMan.Control;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary><c>stop</c>, <c>restart</c> and <c>down</c> return once what they asked for has happened, unless <c>--no-wait</c>.</summary>
public sealed class ControlCompletionSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>A process that, on SIGTERM, exits only once <c>release</c> is written, and leaves <c>gone</c> behind.</summary>
    private async Task<string> WriteSlowToStopAsync(params (string Name, string Command)[] others)
    {
        var release = await _directory.CreateFifoAsync("release");
        _directory.Write("procfile.yml", Procfile.Yaml([("web", $"trap 'read x < {release}; touch {_directory.Combine("gone")}; exit 0' TERM; echo up; while :; do sleep 0.05; done"), .. others]));
        return release;
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_stop_a_process_and_the_command_returns_once_it_has_stopped_with_one_line_per_instance()
    {
        var release = await WriteSlowToStopAsync();
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");

        var stop = ProcManCommand.RunAsync(_directory.Path, "stop", "web");
        await up.WaitForLineAsync(line => line == "procman | web: stop requested");
        stop.IsCompleted.Should().BeFalse("web has not exited yet");
        await File.WriteAllTextAsync(release, "go\n");

        var stopped = await stop;
        stopped.ExitCode.Should().Be(0);
        File.Exists(_directory.Combine("gone")).Should().BeTrue("stop returns after the process exited");
        stopped.Stdout.Should().Be("web stopped (exit code 0)\n");
        (await ProcManCommand.RunAsync(_directory.Path, "ps")).Lines.Should().Contain(line => line.StartsWith("web ", StringComparison.Ordinal) && line.Contains(" stopped ", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_stop_without_waiting_and_the_command_returns_at_once()
    {
        var release = await WriteSlowToStopAsync();
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");

        var stop = await ProcManCommand.RunAsync(_directory.Path, "stop", "--no-wait", "web");

        stop.ExitCode.Should().Be(0, stop.Stderr);
        stop.Stdout.Should().BeEmpty();
        File.Exists(_directory.Combine("gone")).Should().BeFalse("web is still waiting to be released");
        await File.WriteAllTextAsync(release, "go\n");
        await up.WaitForLineAsync(line => line == "procman | web exited with code 0");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_restart_a_process_and_the_command_returns_once_it_runs_again()
    {
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: echo "up $PS"; exec sleep 300
                replicas: 2
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLinesAsync(line => line.StartsWith("web.", StringComparison.Ordinal) && line.Contains("| up ", StringComparison.Ordinal), 2);
        var before = new[] { up.PidOf("web.1"), up.PidOf("web.2") };

        var restart = await ProcManCommand.RunAsync(_directory.Path, "restart", "web");

        restart.ExitCode.Should().Be(0, restart.Stderr);
        restart.Lines.Should().HaveCount(2).And.AllSatisfy(line => line.Should().MatchRegex(@"^web\.[12] running \(pid \d+\)$"));
        var pids = restart.Lines.Select(line => int.Parse(line.Split("(pid ")[1].TrimEnd(')'))).ToList();
        pids.Should().NotIntersectWith(before).And.AllSatisfy(pid => ProcessTable.IsRunning(pid).Should().BeTrue());
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_run_down_and_get_the_stack_s_exit_code_once_it_has_exited()
    {
        var go = await _directory.CreateFifoAsync("go");
        var release = await WriteSlowToStopAsync(("check", $"read x < {go}; exit 3"));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");
        // check fails: the stack stops, and web keeps it up until released.
        await File.WriteAllTextAsync(go, "go\n");
        await up.WaitForLineAsync(line => line.StartsWith("procman | web: stopping", StringComparison.Ordinal) || line.StartsWith("procman | stopping all processes", StringComparison.Ordinal));

        // Sent for sure before web is released: the answer must wait for the end.
        using var down = await RawControlConnection.ConnectAsync(ControlSocketPath.For(_directory.Combine("procfile.yml")));
        (await down.TrySendAsync("{\"command\":\"down\"}\n")).Should().BeTrue();
        await File.WriteAllTextAsync(release, "go\n");

        var answer = await down.ReadToEndAsync();
        (await up.WaitForExitAsync()).Should().Be(3);
        answer.Should().StartWith("""{"ok":true,"processes":[{"name":"web","process":"web","namespace":"default","state":"stopped",""").And.EndWith(""","exit_code":3}""" + "\n");
        answer.Should().Contain("""{"name":"check","process":"check","namespace":"default","state":"failed",""");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_run_down_then_up_at_once_on_the_same_file()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "trap 'sleep 0.3; exit 0' TERM; echo up; while :; do sleep 0.05; done")));
        await using var first = ProcManRun.Start(_directory.Path, "up");
        await first.WaitForLineAsync(line => line == "web     | up");

        var down = await ProcManCommand.RunAsync(_directory.Path, "down");
        down.ExitCode.Should().Be(0, down.Stderr);
        down.Stdout.Should().Be("web stopped (exit code 0)\n");
        await using var second = ProcManRun.Start(_directory.Path, "up");

        await second.WaitForLineAsync(line => line == "web     | up");
        first.Lines.Should().Contain(line => line.StartsWith("procman | web exited", StringComparison.Ordinal), "down returned after the first procman finished");
        (await ProcManCommand.RunAsync(_directory.Path, "down")).ExitCode.Should().Be(0);
        (await second.WaitForExitAsync()).Should().Be(0);
    }
}
