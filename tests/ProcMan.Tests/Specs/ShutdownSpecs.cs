using FluentAssertions;
using ProcMan.Hosting;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ShutdownSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<int, int> StopSignals => new() { { 2, 130 }, { 15, 143 }, { 1, 129 } };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(StopSignals))]
    public async Task I_can_stop_all_processes_with_a_signal_and_keep_their_last_lines(int signal, int expectedExitCode)
    {
        // Each child counts as fast as it can and, on SIGTERM, says so in a last line.
        const string counter = "i=0; trap 'echo last; exit 0' TERM; while :; do i=$((i+1)); echo \"$i\"; done";
        _directory.Write("procfile.yml", Procfile.Yaml(("one", counter), ("two", counter), ("three", counter)));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        foreach (var name in new[] { "one", "two", "three" })
            await procman.WaitForLineAsync(line => line.StartsWith($"{name,-7} | 1000", StringComparison.Ordinal));

        procman.Signal(new UnixSignal(signal));

        (await procman.WaitForExitAsync()).Should().Be(expectedExitCode);
        foreach (var name in new[] { "one", "two", "three" })
        {
            var own = procman.Lines.Where(line => line.StartsWith($"{name,-7} | ", StringComparison.Ordinal)).Select(line => line[10..]).ToList();
            own[^1].Should().Be("last", "{0} must print its last line, and it must be kept", name);
            own.SkipLast(1).Should().Equal(Enumerable.Range(1, own.Count - 1).Select(i => i.ToString()), "{0}'s lines must have no gap", name);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_the_partial_line_of_a_process_killed_mid_line()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("victim", "printf 'half a li'; kill -9 $$"), ("bystander", "exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(137);

        procman.Lines.Should().Contain("victim    | half a li");
        procman.Lines.Should().Contain("procman   | victim killed by SIGKILL");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_leave_no_grandchild_running_after_shutdown()
    {
        var pidFile = _directory.Combine("grandchild.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("parent", $"sleep 300 & echo $! > {pidFile}; echo started; wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| started", StringComparison.Ordinal));
        var grandchild = int.Parse(File.ReadAllText(pidFile));
        ProcessTable.IsRunning(grandchild).Should().BeTrue();

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        (await ProcessTable.WaitUntilGoneAsync(grandchild, TimeSpan.FromSeconds(5))).Should().BeTrue("the group signal must reach the grandchild");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_rely_on_a_process_that_ignores_SIGTERM_being_killed_after_the_timeout()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("stubborn", "trap '' TERM; echo ignoring; sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "1");
        await procman.WaitForLineAsync(line => line.EndsWith("| ignoring", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().ContainInOrder(
            "procman  | sending SIGTERM to stubborn",
            "procman  | sending SIGKILL to stubborn after 1 s",
            "procman  | stubborn killed by SIGKILL");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_kill_everything_at_once_with_a_second_ctrl_c()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("stubborn", "trap '' TERM; echo ignoring; sleep 300")));
        // The timeout is far longer than the test's: only the second signal can end this run in time.
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--timeout", "600");
        await procman.WaitForLineAsync(line => line.EndsWith("| ignoring", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Interrupt);
        await procman.WaitForLineAsync(line => line == "procman  | sending SIGTERM to stubborn");
        // Not synchronisation but the rule under test: a person's second Ctrl-C comes at least
        // SignalBurst.Window after the first (sooner, it is the same request).
        await Task.Delay(SignalBurst.Window + TimeSpan.FromMilliseconds(50));
        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().Contain("procman  | sending SIGKILL to stubborn (received SIGINT again)");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_all_processes_stopped_when_one_ends_on_its_own()
    {
        // quick ends only once server has set its trap, which it says through a FIFO.
        var fifo = await _directory.CreateFifoAsync("server-ready");
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("quick", $"read ready < '{fifo}'; echo done"),
            ("server", $"trap 'echo bye; exit 0' TERM; echo > '{fifo}'; sleep 300 & wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().ContainInOrder(
            "quick   | done",
            "procman | quick exited with code 0",
            "procman | stopping all processes: quick ended (exited with code 0); to let the others run on, set availability.exit_on_end: false on quick",
            "procman | sending SIGTERM to server",
            "server  | bye",
            "procman | server exited with code 0");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_a_process_whose_job_left_its_group_and_session_and_holds_its_output()
    {
        var pidFile = _directory.Combine("escaped.pid");
        // setsid puts the sleep in a session of its own, out of reach of the group signal,
        // and it still holds the child's stdout. It writes its pid only once it has left the
        // group, and "started" waits for that: a SIGTERM sent before would kill it in the group.
        _directory.Write("procfile.yml", Procfile.Yaml(("daemon", $"setsid sh -c 'echo $$ > {pidFile}; exec sleep 300' & until [ -s {pidFile} ]; do sleep 0.01; done; echo started; wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "1");
        await procman.WaitForLineAsync(line => line.EndsWith("| started", StringComparison.Ordinal));
        var escaped = int.Parse(File.ReadAllText(pidFile));
        try
        {
            procman.Signal(UnixSignal.Interrupt);

            (await procman.WaitForExitAsync()).Should().Be(130);
            ProcessTable.IsRunning(escaped).Should().BeFalse("a descendant is stopped with its process, wherever it moved");
            procman.Lines.Should().NotContain(line => line.Contains("still holds its output open", StringComparison.Ordinal));
        }
        finally
        {
            ProcMan.Processes.Linux.LibC.Kill(escaped, UnixSignal.Kill.Number);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_process_end_acted_on_while_a_job_it_left_behind_keeps_writing()
    {
        // The job holds the child's pipes and writes more often than the exit's grace period:
        // the child's own end must still stop everything, with its code.
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("web", "(while :; do echo heartbeat; sleep 0.02; done) & sleep 0.3; echo main-done; exit 4"),
            ("other", "exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(4);

        procman.Lines.Should().ContainInOrder("web     | main-done", "procman | web exited with code 4");
    }
}
