using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>ProcMan owns the trees of the processes it starts: all of them, and nothing else.</summary>
public sealed class ProcessTreeSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task I_see_every_daemon_a_restarting_process_left_behind_stopped_with_the_stack()
    {
        // Each run leaves a double-forked daemon in a session of its own, then exits at once.
        var pids = _directory.Combine("daemons.txt");
        _directory.Write("procfile.yml", $$"""
            processes:
              spawner:
                command: "(setsid sh -c 'echo $$ >> {{pids}}; exec sleep 300' &); sleep 0.05"
                availability:
                  restart: always
                  backoff_seconds: 0.01
              other:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "2");
        await procman.WaitForLinesAsync(line => line.Contains("spawner restarting", StringComparison.Ordinal), 10);

        procman.Signal(UnixSignal.Terminate);

        (await procman.WaitForExitAsync()).Should().Be(143);
        var daemons = File.ReadAllLines(pids).Select(int.Parse).ToList();
        daemons.Should().HaveCountGreaterThanOrEqualTo(10);
        daemons.Where(ProcessTable.IsRunning).Should().BeEmpty("no descendant outlives procman, whatever session it moved to");
        procman.Lines.Count(line => line.Contains("it left the group and session of the process that started it", StringComparison.Ordinal))
            .Should().Be(procman.Lines.Count(line => line.StartsWith("procman | stopping pid ", StringComparison.Ordinal)), "each is named once");
    }

    [PidNamespaceFact(Timeout = 60_000)]
    public async Task ProcMan_never_signals_a_process_that_took_the_pid_of_one_it_started()
    {
        // In a PID namespace of its own, the next pid can be chosen (ns_last_pid): once `brief`
        // has ended, a stranger is given its pid, leads a session with that id as `brief` did,
        // and must live through ProcMan's stop. The stranger ignores nothing: SIGTERM would kill it.
        _directory.Write("procfile.yml", """
            processes:
              brief:
                command: echo $$ > brief.pid
                availability:
                  exit_on_end: false
              server:
                command: exec sleep 300
            """);
        _directory.Write("scenario.sh", """
            procman="$1"
            "$procman" up --no-summary -t 1 > up.txt 2>&1 &
            up=$!
            until grep -q 'brief exited' up.txt 2>/dev/null; do sleep 0.01; done
            target=$(cat brief.pid)
            for attempt in $(seq 100); do
              echo $((target - 1)) > /proc/sys/kernel/ns_last_pid
              setsid sh -c 'echo $$ > stranger.pid; exec sleep 30' &
              until [ -s stranger.pid ]; do sleep 0.01; done
              [ "$(cat stranger.pid)" = "$target" ] && break
              kill "$(cat stranger.pid)"; rm -f stranger.pid; sleep 0.02
            done
            [ "$(cat stranger.pid)" = "$target" ] || { echo "could not give pid $target to a stranger"; exit 3; }
            kill -TERM $up; wait $up
            echo "procman exited with $?"
            kill -0 "$target" && echo "the stranger lives"
            """);

        await using var scenario = ShellRun.Start(_directory.Path,
            $"exec unshare --pid --fork --mount-proc sh scenario.sh '{ProcManRun.ExecutablePath}' > scenario.txt");
        var (exitCode, stderr) = await scenario.WaitForExitAsync();

        var output = File.ReadAllLines(_directory.Combine("scenario.txt"));
        exitCode.Should().Be(0, $"the scenario must run through (stderr: {stderr}; output: {string.Join(" / ", output)})");
        output.Should().Equal("procman exited with 143", "the stranger lives");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_leave_nothing_behind_when_procman_itself_is_killed_with_SIGKILL()
    {
        // An idle child, a tree of 40 grandchildren, and a daemon that left its group and session.
        var daemonPid = _directory.Combine("daemon.pid");
        _directory.Write("procfile.yml", $$"""
            processes:
              idle:
                command: exec sleep 300
              tree:
                command: "for i in $(seq 40); do sleep 300 & done; echo planted; wait"
              daemon:
                command: "setsid sh -c 'echo $$ > {{daemonPid}}; exec sleep 300' & until [ -s {{daemonPid}} ]; do sleep 0.01; done; echo planted; wait"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLinesAsync(line => line.EndsWith("| planted", StringComparison.Ordinal), 2);
        var descendants = ProcessTable.DescendantsOf(procman.Pid);
        descendants.Should().HaveCountGreaterThanOrEqualTo(44);

        procman.Signal(UnixSignal.Kill);

        await procman.WaitForExitAsync();
        foreach (var descendant in descendants)
            (await ProcessTable.WaitUntilGoneAsync(descendant, TimeSpan.FromSeconds(10))).Should().BeTrue($"pid {descendant} must not outlive a killed procman");
    }
}
