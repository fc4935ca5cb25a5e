using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>A failing <c>process_completed</c> target in a process-compose file, on a real run.</summary>
public sealed class CompletedTargetSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_process_compose_file_with_a_failing_process_completed_target_runs_its_dependant_and_exits_with_the_failure()
    {
        var file = _directory.Write("process-compose.yaml", """
            processes:
              migrate:
                command: "echo migration failed; exit 3"
              web:
                command: "echo web runs after the migration"
                depends_on:
                  migrate:
                    condition: process_completed
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", file);

        (await procman.WaitForExitAsync()).Should().Be(3);
        procman.Lines.Should().ContainInOrder(
            procman.Lines.Single(line => line.EndsWith("| migration failed", StringComparison.Ordinal)),
            procman.Lines.Single(line => line.EndsWith("| web runs after the migration", StringComparison.Ordinal)));
        procman.Lines.Should().NotContain(line => line.Contains("stopping all processes", StringComparison.Ordinal));
    }
}
