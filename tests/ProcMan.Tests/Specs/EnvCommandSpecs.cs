using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>The top-level <c>env_cmds</c> on real runs.</summary>
public sealed class EnvCommandSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_process_compose_file_with_env_cmds_runs_them_once_and_its_processes_see_the_values()
    {
        var file = _directory.Write("process-compose.yaml", """
            env_cmds:
              BUILD: "echo run >> env-cmd-runs; echo build-42"
            processes:
              one:
                command: "echo one sees $${BUILD}"
              two:
                command: "echo two sees $${BUILD}"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", file);

        (await procman.WaitForExitAsync()).Should().Be(0);
        procman.Lines.Should().Contain(line => line.EndsWith("| one sees build-42", StringComparison.Ordinal))
            .And.Contain(line => line.EndsWith("| two sees build-42", StringComparison.Ordinal));
        File.ReadAllLines(_directory.Combine("env-cmd-runs")).Should().Equal(["run"], "env_cmds run once, not per process");
    }

    [Fact(Timeout = 60_000)]
    public async Task I_can_check_a_file_with_env_cmds_and_nothing_is_run()
    {
        var file = _directory.Write("process-compose.yaml", """
            env_cmds:
              BUILD: "echo run >> env-cmd-runs; echo build-42"
            processes:
              one:
                command: "echo $${BUILD}"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "check", file);

        (await procman.WaitForExitAsync()).Should().Be(0);
        File.Exists(_directory.Combine("env-cmd-runs")).Should().BeFalse();
    }
}
