using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary><c>is_daemon</c> and <c>shutdown.parent_only</c> on real runs.</summary>
public sealed class DaemonSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_process_compose_file_with_a_detached_daemon_has_it_stopped_by_its_shutdown_command_in_its_turn()
    {
        // The daemon leaves the launcher's session: only its shutdown command (or, failing it,
        // ProcMan's stray handling at the very end) can reach it.
        var file = _directory.Write("process-compose.yaml", """
            processes:
              db:
                command: "setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $! > db.pid; echo launching"
                is_daemon: true
                shutdown:
                  # As pg_ctl stop does, it returns once the daemon is gone (a zombie until ProcMan, its subreaper,
                  # reaps it). `$$` is a `$` for the shell: the file is expanded at load, as process-compose does.
                  command: "p=$(cat db.pid); kill $$p; while [ -d /proc/$$p ] && ! grep -q '^State:.Z' /proc/$$p/status; do sleep 0.02; done; echo stopped by its shutdown command"
              app:
                command: "trap 'echo app stopping; exit 0' TERM; echo app up; while :; do sleep 0.1; done"
                depends_on:
                  db:
                    condition: process_started
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", file);
        var daemon = 0;
        try
        {
            await procman.WaitForLineAsync(line => line.EndsWith("| db launched its daemon; it runs until it is stopped", StringComparison.Ordinal));
            await procman.WaitForLineAsync(line => line.EndsWith("| app up", StringComparison.Ordinal));
            daemon = int.Parse(File.ReadAllText(_directory.Combine("db.pid")));
            ProcessTable.IsRunning(daemon).Should().BeTrue();
            procman.Lines.Should().NotContain(line => line.Contains("stopping all processes", StringComparison.Ordinal));

            procman.Signal(UnixSignal.Interrupt);

            (await procman.WaitForExitAsync()).Should().Be(130);
            (await ProcessTable.WaitUntilGoneAsync(daemon, TimeSpan.FromSeconds(5))).Should().BeTrue();
            procman.Lines.Should().ContainInOrder(
                procman.Lines.Single(line => line.EndsWith("| app stopping", StringComparison.Ordinal)),
                procman.Lines.Single(line => line.EndsWith("| running the shutdown command of db", StringComparison.Ordinal)),
                procman.Lines.Single(line => line.EndsWith("| stopped by its shutdown command", StringComparison.Ordinal)),
                procman.Lines.Single(line => line.EndsWith("| db's daemon has stopped", StringComparison.Ordinal)));
            procman.Lines.Should().NotContain(line => line.Contains("left the group and session", StringComparison.Ordinal),
                "the daemon was stopped by its shutdown command, not as a stray");
        }
        finally
        {
            if (daemon > 0 && ProcessTable.IsRunning(daemon))
                ProcMan.Processes.Linux.LibC.Kill(daemon, UnixSignal.Kill.Number);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_stop_only_the_parent_process_and_its_children_get_the_signal_once_it_is_gone()
    {
        _directory.Write("procfile.yml", """
            processes:
              app:
                command: |
                  parent=$$
                  trap 'echo parent got TERM; exit 0' TERM
                  sh -c 'trap "s=\$(cut -d\" \" -f3 /proc/$0/stat 2>/dev/null); echo child got TERM, parent \${s:-gone}; exit 0" TERM; echo child ready; while :; do sleep 0.1; done' $parent &
                  wait
                shutdown:
                  parent_only: true
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| child ready", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().Contain(line => line.EndsWith("| sending SIGTERM to app (its parent process only)", StringComparison.Ordinal));
        // Orphaned when its parent exits, the child is also one of ProcMan's strays, which may get a SIGTERM of their own.
        var child = procman.Lines.First(line => line.StartsWith("app ", StringComparison.Ordinal) && line.Contains("| child got TERM", StringComparison.Ordinal));
        child.Should().Match(line => line.EndsWith("parent Z", StringComparison.Ordinal) || line.EndsWith("parent gone", StringComparison.Ordinal),
            "the child is signalled only once its parent has exited");
        procman.Lines.Should().NotContain(line => line.Contains("SIGKILL", StringComparison.Ordinal));
    }
}
