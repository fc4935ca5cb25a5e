using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>process-compose's variables and exit rules, on a real run of a process-compose file.</summary>
public sealed class ProcessComposeRunSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_replicas_finds_PC_PROC_NAME_and_PC_REPLICA_NUM()
    {
        // As in process-compose, `$VAR` expands when the file loads, before these exist: `$$` leaves them to the shell.
        _directory.Write("process-compose.yml", """
            processes:
              web:
                command: echo "pc name=$$PC_PROC_NAME num=$$PC_REPLICA_NUM"
                replicas: 2
                availability: {exit_on_end: false}
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "process-compose.yml");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Stdout.Should().Contain("pc name=web num=0").And.Contain("pc name=web num=1");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_a_skipped_process_lets_the_others_finish()
    {
        _directory.Write("process-compose.yml", """
            processes:
              db:
                command: echo starting
                ready_log_line: accepting connections
                availability: {exit_on_end: false}
              web:
                command: echo web-ran
                depends_on: {db: {condition: process_healthy}}
              other:
                command: sleep 1; echo other-ran-on
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "process-compose.yml");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Stdout.Should().Contain("other-ran-on").And.NotContain("web-ran");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_runs_on_after_one_process_ends_with_success()
    {
        var go = await _directory.CreateFifoAsync("go");
        _directory.Write("process-compose.yml", $$"""
            processes:
              build:
                command: echo built
              serve:
                command: read line < {{go}}; echo served after build
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "process-compose.yml");
        await procman.WaitForLineAsync(line => line == "procman | build exited with code 0");

        await File.WriteAllTextAsync(go, "go\n");

        (await procman.WaitForExitAsync()).Should().Be(0);
        procman.Stdout.Should().Contain("served after build");
    }
}
