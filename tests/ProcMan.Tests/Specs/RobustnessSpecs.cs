using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>Faults found in review, each reproduced with real processes.</summary>
public sealed class RobustnessSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task I_can_stop_everything_while_nobody_reads_procman_s_output()
    {
        var pidFile = _directory.Combine("server.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("flood", "exec yes flood-line"),
            ("server", $"echo $$ > {pidFile}; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, ["up", "-t", "1"], null, pauseStdout: true);
        await WaitForFileAsync(pidFile);
        var server = int.Parse(File.ReadAllText(pidFile));

        // stdout is full and unread: the children must be stopped all the same.
        procman.Signal(UnixSignal.Terminate);

        (await ProcessTable.WaitUntilGoneAsync(server, TimeSpan.FromSeconds(20))).Should().BeTrue("a stalled console must not stop the stop");
        procman.ResumeStdout();
        (await procman.WaitForExitAsync()).Should().Be(143);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_with_SIGINT_a_procman_a_script_started_in_the_background()
    {
        // What `procman up &` in a non-interactive shell inherits: SIGINT and SIGQUIT ignored.
        var pidFile = _directory.Combine("server.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("server", $"echo $$ > {pidFile}; echo up; exec sleep 300")));
        await using var procman = ProcManRun.StartAfter("trap '' INT QUIT", _directory.Path, "up");
        await procman.WaitForLineAsync(line => line == "server  | up");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(130);
        procman.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: received SIGINT;", StringComparison.Ordinal));
        ProcessTable.IsRunning(int.Parse(File.ReadAllText(pidFile))).Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_the_code_of_the_process_that_ended_first_even_if_its_background_job_holds_its_output()
    {
        // second ends 1 s after first has exited (not after a fixed sleep from its own start,
        // which a slow start of first could outlast): well after the short grace for first's
        // exit report, long before first's background job lets its output go.
        var pidFile = _directory.Combine("first.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("first", $"echo $$ > {pidFile}; sleep 30 & echo first-done; exit 3"),
            ("second", $"until [ -s {pidFile} ]; do sleep 0.05; done; while kill -0 $(cat {pidFile}) 2>/dev/null; do sleep 0.05; done; sleep 1; exit 0")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_child_s_pipeline_end_quietly_when_its_reader_goes_away()
    {
        // .NET ignores SIGPIPE; a child that inherited that would print "Broken pipe" here.
        _directory.Write("procfile.yml", Procfile.Yaml(("pipeline", "yes | head -n 1; echo pipeline-done")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("pipeline | pipeline-done").And.NotContain(line => line.Contains("Broken pipe", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_all_processes_with_SIGQUIT()
    {
        var pidFile = _directory.Combine("server.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("server", $"echo $$ > {pidFile}; echo up; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| up", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Quit);

        (await procman.WaitForExitAsync()).Should().Be(131);
        (await ProcessTable.WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile)), TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_leave_no_group_member_running_that_ignored_SIGTERM_and_closed_its_output()
    {
        var pidFile = _directory.Combine("stubborn.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("web", $"(trap '' TERM; exec sleep 302) >/dev/null 2>&1 & echo $! > {pidFile}; echo up; exec sleep 303")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "1");
        await procman.WaitForLineAsync(line => line.EndsWith("| up", StringComparison.Ordinal));
        var stubborn = int.Parse(File.ReadAllText(pidFile));

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        (await ProcessTable.WaitUntilGoneAsync(stubborn, TimeSpan.FromSeconds(5))).Should().BeTrue("the group is SIGKILLed after the timeout");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_send_one_signal_during_a_stop_without_cutting_a_process_s_cleanup_short()
    {
        var fifo = await _directory.CreateFifoAsync("cleaner-ready");
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("quitter", $"read ready < '{fifo}'; exit 4"),
            ("cleaner", $"trap 'echo cleaning; sleep 0.5; echo cleaned; exit 0' TERM; echo > '{fifo}'; sleep 300 & wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line == "procman | sending SIGTERM to cleaner");

        procman.Signal(UnixSignal.Terminate);

        (await procman.WaitForExitAsync()).Should().Be(4);
        procman.Lines.Should().Contain("cleaner | cleaned").And.NotContain(line => line.Contains("SIGKILL", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_hanging_shutdown_command_killed_with_its_process()
    {
        _directory.Write("procfile.yml", """
            processes:
              svc:
                command: echo up; exec sleep 300
                shutdown:
                  command: echo "stopping, slowly"; exec sleep 300
                  timeout_seconds: 3
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line == "svc     | up");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(130, "the shutdown command is killed after the process's timeout, not waited for");
        procman.Lines.Should().Contain("svc     | stopping, slowly");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_do_not_wait_the_whole_timeout_for_a_leftover_that_closed_its_output_and_obeys_SIGTERM()
    {
        // The background job keeps nothing open that ProcMan reads, and dies a moment after SIGTERM.
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("web", "sh -c 'trap \"sleep 0.3; exit 0\" TERM; while :; do sleep 0.1; done' >/dev/null 2>&1 & echo up; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "600");
        await procman.WaitForLineAsync(line => line == "web     | up");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(130, "the group is watched, not waited on for the 600 s timeout");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("5000000")]
    [InlineData("1e300")]
    [InlineData("NaN")]
    public async Task I_get_a_usage_error_for_a_timeout_out_of_range(string timeout)
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo never")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", timeout);

        (await procman.WaitForExitAsync()).Should().Be(2);
        procman.Lines.Should().BeEmpty();
    }

    private static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{path} never appeared");
            await Task.Delay(20);
        }
    }
}
