using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary><c>procman up --detach [--wait]</c>, then <c>procman down</c>: the CI recipe as Compose users know it.</summary>
public sealed class DetachSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose()
    {
        // Whatever the test did: no background procman left behind.
        ProcManCommand.RunAsync(_directory.Path, "down").GetAwaiter().GetResult();
        _directory.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_start_the_stack_in_the_background_wait_until_it_is_ready_and_take_it_down_with_its_exit_code()
    {
        _directory.Write("procfile.yml", """
            processes:
              migrate:
                command: echo migrated
              web:
                command: echo listening; exec sleep 300
                ready_log_line: listening
                depends_on:
                  migrate: {condition: process_completed_successfully}
            """);

        var up = await ProcManCommand.RunAsync(_directory.Path, "up", "--detach", "--wait");

        up.ExitCode.Should().Be(0, up.Stderr);
        var log = up.Stdout.Split("output in ")[1].Split(';')[0];
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");
        ps.Lines.Should().Contain(line => line.StartsWith("web ", StringComparison.Ordinal) && line.Contains(" ready ", StringComparison.Ordinal));
        var down = await ProcManCommand.RunAsync(_directory.Path, "down");
        down.ExitCode.Should().Be(0, down.Stderr);
        down.Lines.Should().Equal("migrate completed (exit code 0)", "web stopped (exit code 143)");
        File.ReadAllLines(log).Should().Contain(["migrate | migrated", "web     | listening"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ProcMan_refuses_to_report_a_detached_stack_ready_when_a_process_fails_first()
    {
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: exec sleep 300
                readiness_probe:
                  exec:
                    command: "false"
                  period_seconds: 0.1
              check:
                command: exit 3
            """);

        var up = await ProcManCommand.RunAsync(_directory.Path, "up", "--detach", "--wait");

        // A failed end stops everything: the background procman ends with check's code.
        up.ExitCode.Should().Be(3);
        up.Stderr.Should().Contain("the background procman exited with code 3 before its processes were ready");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_reach_a_stack_started_from_a_discovered_process_compose_file_without_naming_it()
    {
        _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: echo listening; exec sleep 300\n    ready_log_line: listening\n");

        var up = await ProcManCommand.RunAsync(_directory.Path, "up", "--detach", "--wait");

        up.ExitCode.Should().Be(0, up.Stderr);
        var ps = await ProcManCommand.RunAsync(_directory.Path, "ps");
        ps.Lines.Should().Contain(line => line.StartsWith("web ", StringComparison.Ordinal) && line.Contains(" ready ", StringComparison.Ordinal));
        var down = await ProcManCommand.RunAsync(_directory.Path, "down");
        down.ExitCode.Should().Be(0, down.Stderr);
    }
}
