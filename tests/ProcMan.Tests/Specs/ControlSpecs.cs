using System.Text.Json;
using FluentAssertions;
using ProcMan.Control;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ControlSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_list_the_processes_with_their_pid_state_and_what_they_wrote()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo one; echo two; echo three; exec sleep 300"), ("idle", "exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | three");

        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps", "--json");

        ps.ExitCode.Should().Be(0);
        var rows = JsonSerializer.Deserialize(ps.Stdout, ControlJson.Default.IReadOnlyListProcessStatus)!;
        var web = rows.Single(row => row.Name == "web");
        web.State.Should().Be("running");
        web.Pid.Should().Be(up.PidOf("web"));
        web.Lines.Should().Be(3);
        web.Bytes.Should().Be("one\ntwo\nthree\n".Length);
        web.Restarts.Should().Be(0);
        web.Ready.Should().BeTrue();
        web.UptimeSeconds.Should().BeGreaterThanOrEqualTo(0);
        rows.Select(row => row.Name).Should().Equal("web", "idle");
        (await ProcManCommand.RunAsync(_directory.Path, "ps")).Lines.Should().Contain(line => line.StartsWith("web ", StringComparison.Ordinal) && line.Contains(" running ", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_start_and_restart_one_replica_or_a_whole_process_without_ending_the_run()
    {
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: echo "web $PS up"; exec sleep 300
                replicas: 2
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLinesAsync(line => line.EndsWith(" up", StringComparison.Ordinal), 2);

        (await ProcManCommand.RunAsync(_directory.Path, "stop", "web.2")).ExitCode.Should().Be(0);
        await up.WaitForLineAsync(line => line == "procman | web.2 killed by SIGTERM");
        var afterStop = await StatusAsync();
        afterStop["web.1"].State.Should().Be("running");
        afterStop["web.2"].State.Should().Be("stopped", "a stopped replica is not an end: the run goes on");
        (await ProcManCommand.RunAsync(_directory.Path, "wait", "web.2", "--for", "started", "--timeout", "0.3")).ExitCode
            .Should().Be(1, "a replica stopped on request is not started, until it is started again");

        (await ProcManCommand.RunAsync(_directory.Path, "start", "web.2")).ExitCode.Should().Be(0);
        await up.WaitForLinesAsync(line => line == "web.2   | web web.2 up", 2);
        (await StatusAsync())["web.2"].State.Should().Be("running");

        var pidsBefore = (await StatusAsync()).Values.Select(row => row.Pid).ToList();
        (await ProcManCommand.RunAsync(_directory.Path, "restart", "web")).ExitCode.Should().Be(0);
        await up.WaitForLinesAsync(line => line == "web.1   | web web.1 up", 2);
        await up.WaitForLinesAsync(line => line == "web.2   | web web.2 up", 3);
        var restarted = await StatusAsync();
        restarted.Values.Select(row => row.Pid).Should().NotIntersectWith(pidsBefore);
        restarted["web.1"].Restarts.Should().Be(1);

        (await ProcManCommand.RunAsync(_directory.Path, "stop", "nope")).Should().Match<ProcManCommand.Result>(r => r.ExitCode == 1 && r.Stderr.Contains("no process named nope"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_started_process_wait_for_its_dependencies_again()
    {
        _directory.Write("procfile.yml", """
            processes:
              db:
                command: echo "db ready"; exec sleep 300
                ready_log_line: db ready
              api:
                command: echo "api up"; exec sleep 300
                depends_on:
                  db:
                    condition: process_healthy
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "api     | api up");
        (await ProcManCommand.RunAsync(_directory.Path, "stop", "api", "db")).ExitCode.Should().Be(0);
        // Both get SIGTERM at once and may exit in either order: a start of api while it is
        // still stopping would (rightly) leave it "stopping", not "waiting".
        await up.WaitForLineAsync(line => line.StartsWith("procman | db killed by SIGTERM", StringComparison.Ordinal));
        await up.WaitForLineAsync(line => line.StartsWith("procman | api killed by SIGTERM", StringComparison.Ordinal));

        (await ProcManCommand.RunAsync(_directory.Path, "start", "api")).ExitCode.Should().Be(0);
        (await StatusAsync())["api"].State.Should().Be("waiting", "db is stopped, so api may not start");
        (await ProcManCommand.RunAsync(_directory.Path, "start", "db")).ExitCode.Should().Be(0);

        await up.WaitForLinesAsync(line => line == "api     | api up", 2);
        var lines = up.Lines.ToList();
        lines.FindLastIndex(line => line == "db      | db ready").Should().BeLessThan(lines.FindLastIndex(line => line == "api     | api up"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_read_the_last_thousand_lines_of_a_long_output()
    {
        // 3000 lines, in chunks of all sizes (a loop, then a burst): the ring keeps at least the
        // last 1000, whole and in order, while the older ones' memory is reused.
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("web", "i=1; while [ $i -le 1000 ]; do echo \"line $i\"; i=$((i+1)); done; seq -f 'line %.0f' 1001 3000; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | line 3000");

        var thousand = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "1000", "web");
        var all = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "5000", "web");

        thousand.Lines.Should().Equal(Enumerable.Range(2001, 1000).Select(i => $"web     | line {i}"));
        // The ring drops whole chunks, so it may hold a few more than 1000, but never a gap.
        var first = int.Parse(all.Lines[0].Split(' ').Last());
        first.Should().BeInRange(2, 2001);
        all.Lines.Should().Equal(Enumerable.Range(first, 3001 - first).Select(i => $"web     | line {i}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_read_the_last_lines_and_follow_new_ones()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("web", "for i in 1 2 3 4 5; do echo \"line $i\"; done; read go; echo after; exec sleep 300"),
            ("other", "echo other; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | line 5");
        await up.WaitForLineAsync(line => line == "other   | other");

        var last = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "2", "web");

        last.ExitCode.Should().Be(0);
        last.Lines.Should().Equal("web     | line 4", "web     | line 5");
        var json = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "1", "--output", "json", "web");
        using (var line = JsonDocument.Parse(json.Lines.Single()))
        {
            line.RootElement.GetProperty("process").GetString().Should().Be("web");
            line.RootElement.GetProperty("stream").GetString().Should().Be("stdout");
            line.RootElement.GetProperty("line").GetString().Should().Be("line 5");
        }

        await using var follower = ProcManRun.Start(_directory.Path, "logs", "-f", "-n", "1", "web");
        await follower.WaitForLineAsync(line => line == "web     | line 5");
        (await ProcManCommand.RunAsync(_directory.Path, "restart", "other")).ExitCode.Should().Be(0);
        (await ProcManCommand.RunAsync(_directory.Path, "restart", "web")).ExitCode.Should().Be(0);
        await follower.WaitForLineAsync(line => line == "web     | line 1");
        follower.Lines.Should().NotContain(line => line.StartsWith("other", StringComparison.Ordinal), "only web was asked for");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_see_a_slow_follower_get_a_marker_while_the_console_gets_every_line()
    {
        const int count = 400_000;
        _directory.Write("procfile.yml", Procfile.Yaml(("flood", $"echo waiting; read go < {_directory.Combine("go")}; seq 1 {count}; exec sleep 300")));
        var go = await _directory.CreateFifoAsync("go");
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "flood   | waiting");
        await using var follower = ProcManRun.Start(_directory.Path, "logs", "-f", "-n", "1", "flood");
        await follower.WaitForLineAsync(line => line == "flood   | waiting");
        follower.PauseStdout();

        await File.WriteAllTextAsync(go, "go\n");
        await up.WaitForLineAsync(line => line == $"flood   | {count}");
        follower.ResumeStdout();

        // Every line comes either itself or counted in a marker: wait until they add up.
        static long Skipped(string line) =>
            line.StartsWith("procman | ", StringComparison.Ordinal) && line.EndsWith(" lines skipped (reader too slow)", StringComparison.Ordinal)
                ? long.Parse(line["procman | ".Length..].Split(' ')[0])
                : 0;
        long accounted = 0;
        await follower.WaitForLineAsync(line =>
        {
            accounted += line.StartsWith("flood   | ", StringComparison.Ordinal) && line != "flood   | waiting" ? 1 : Skipped(line);
            return accounted == count;
        });
        follower.Lines.Sum(Skipped).Should().BeGreaterThan(0, "the follower was too slow, and is told so");
        var console = up.Lines.Where(line => line.StartsWith("flood   | ", StringComparison.Ordinal) && line != "flood   | waiting").ToList();
        console.Should().HaveCount(count, "the console never loses a line for a slow follower");
        for (var i = 0; i < count; i++)
        {
            if (console[i] != $"flood   | {i + 1}")
                console[i].Should().Be($"flood   | {i + 1}", "the console keeps every line in order");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_wait_for_a_process_to_be_started_ready_or_completed()
    {
        _directory.Write("procfile.yml", $$"""
            processes:
              server:
                command: read go < {{_directory.Combine("go")}}; echo "listening"; exec sleep 300
                ready_log_line: listening
              migrate:
                command: read go < {{_directory.Combine("go-migrate")}}; echo migrated
                availability:
                  exit_on_end: false
              never:
                command: exec sleep 300
                readiness_probe:
                  exec:
                    command: "false"
                  period_seconds: 0.1
            """);
        var go = await _directory.CreateFifoAsync("go");
        var goMigrate = await _directory.CreateFifoAsync("go-migrate");
        await using var up = ProcManRun.Start(_directory.Path, "up");
        // The socket is served before anything starts.
        await up.WaitForLineAsync(line => line.StartsWith("procman | never started", StringComparison.Ordinal));

        (await ProcManCommand.RunAsync(_directory.Path, "wait", "server", "--for", "started")).ExitCode.Should().Be(0);
        var ready = Task.Run(() => ProcManCommand.RunAsync(_directory.Path, "wait", "server"));
        var completed = Task.Run(() => ProcManCommand.RunAsync(_directory.Path, "wait", "migrate", "--for", "completed"));
        ready.IsCompleted.Should().BeFalse();
        await File.WriteAllTextAsync(go, "go\n");
        (await ready).ExitCode.Should().Be(0);
        // The line is in procman's channel before "ready" holds, but this test's reader of
        // procman's stdout may not have it yet when the wait command has already exited.
        await up.WaitForLineAsync(line => line == "server  | listening");
        await File.WriteAllTextAsync(goMigrate, "go\n");
        (await completed).ExitCode.Should().Be(0);

        var timedOut = await ProcManCommand.RunAsync(_directory.Path, "wait", "never", "--timeout", "0.5");
        timedOut.ExitCode.Should().Be(1);
        timedOut.Stderr.Should().Contain("timed out");

        (await ProcManCommand.RunAsync(_directory.Path, "stop", "never")).ExitCode.Should().Be(0);
        var impossible = await ProcManCommand.RunAsync(_directory.Path, "wait", "never");
        impossible.ExitCode.Should().Be(1, "a stopped process can never become ready");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_every_last_line_in_a_follower_when_procman_exits()
    {
        var go = await _directory.CreateFifoAsync("go");
        _directory.Write("procfile.yml", Procfile.Yaml(("burst", $"echo waiting; read go < {go}; seq 1 20000; echo LAST")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "burst   | waiting");
        await using var follower = ProcManRun.Start(_directory.Path, "logs", "-f", "-n", "1", "burst");
        await follower.WaitForLineAsync(line => line == "burst   | waiting");

        await File.WriteAllTextAsync(go, "go\n");

        (await up.WaitForExitAsync()).Should().Be(0);
        (await follower.WaitForExitAsync()).Should().Be(0);
        follower.Lines.Should().Contain("burst   | LAST", "the follower gets the lines written just before procman exits");
        follower.Lines.Count(line => line.StartsWith("burst   | ", StringComparison.Ordinal)).Should().Be(20_002);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_follow_a_line_longer_than_a_follower_s_queue_kept_truncated()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("big", $"echo waiting; read go < {_directory.Combine("go")}; head -c 3000000 /dev/zero | tr '\\0' y; echo; exec sleep 300")));
        var go = await _directory.CreateFifoAsync("go");
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "big     | waiting");
        await using var follower = ProcManRun.Start(_directory.Path, "logs", "-f", "-n", "1", "big");
        await follower.WaitForLineAsync(line => line == "big     | waiting");

        await File.WriteAllTextAsync(go, "go\n");

        // The log hub keeps (and so follows) over-long lines truncated; the console gets them whole.
        var line = await follower.WaitForLineAsync(line => line.StartsWith("big     | yyyy", StringComparison.Ordinal));
        line.Should().EndWith("[truncated 2.9 MB]");
        follower.Lines.Should().NotContain(line => line.Contains("skipped", StringComparison.Ordinal));
        await up.WaitForLineAsync(line => line.Length == "big     | ".Length + 3_000_000);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_shut_everything_down_from_another_terminal()
    {
        var pidFile = _directory.Combine("web.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("web", $"echo $$ > {pidFile}; echo up; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");

        (await ProcManCommand.RunAsync(_directory.Path, "down")).ExitCode.Should().Be(0);

        (await up.WaitForExitAsync()).Should().Be(0);
        up.Lines.Should().Contain("procman | stopping all processes: procman down was run");
        ProcessTable.IsRunning(int.Parse(File.ReadAllText(pidFile))).Should().BeFalse();
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");
        ps.ExitCode.Should().Be(1);
        ps.Stderr.Should().Be("procman: no procman is running for procfile.yml\n");
    }

    [Fact(Timeout = 30_000)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task I_find_the_socket_private_to_me()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");

        var socket = ControlSocketPath.For(_directory.Combine("procfile.yml"));

        File.GetUnixFileMode(socket).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(socket)!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_start_again_after_a_killed_instance_left_its_socket_behind()
    {
        var pidFile = _directory.Combine("web.pid");
        var file = _directory.Write("procfile.yml", Procfile.Yaml(("web", $"echo $$ > {pidFile}; echo up; exec sleep 300")));
        await using (var killed = ProcManRun.Start(_directory.Path, "up"))
        {
            await killed.WaitForLineAsync(line => line == "web     | up");
            killed.Signal(UnixSignal.Kill); // No chance to clean up: the socket file stays.
            await killed.WaitForExitAsync();
            ProcMan.Processes.Linux.LibC.Kill(int.Parse(File.ReadAllText(pidFile)), UnixSignal.Kill.Number);
        }
        File.Exists(ControlSocketPath.For(file)).Should().BeTrue();

        await using var up = ProcManRun.Start(_directory.Path, "up");

        await up.WaitForLineAsync(line => line == "web     | up");
        (await ProcManCommand.RunAsync(_directory.Path, "ps")).ExitCode.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_am_refused_a_second_up_on_the_same_file()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var first = ProcManRun.Start(_directory.Path, "up");
        await first.WaitForLineAsync(line => line == "web     | up");

        var second = await ProcManCommand.RunAsync(_directory.Path, "up");

        second.ExitCode.Should().Be(1);
        second.Stderr.Should().Contain("already running");
        second.Lines.Should().BeEmpty("nothing may start twice");
    }

    private async Task<Dictionary<string, ProcessStatus>> StatusAsync()
    {
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps", "--json");
        return JsonSerializer.Deserialize(ps.Stdout, ControlJson.Default.IReadOnlyListProcessStatus)!.ToDictionary(row => row.Name);
    }

}
