using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class EnvironmentSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    // `$$` leaves the variables for the shell, so the echo shows the process's environment
    // (not load-time expansion), and `${NEVER_SET-unset}` tells unset apart from empty.
    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_environment_entries_without_a_value_runs_with_the_inherited_values()
    {
        _directory.Write("process-compose.yml", """
            processes:
              reader:
                command: echo "inherited=$$INHERITED unset=$${NEVER_SET-unset}"
                environment:
                  - INHERITED
                  - NEVER_SET
            """);
        var environment = new Dictionary<string, string?> { ["INHERITED"] = "from-procman", ["NEVER_SET"] = null };
        await using var procman = ProcManRun.Start(_directory.Path, ["up", "process-compose.yml"], environment);

        var line = await procman.WaitForLineAsync(text => text.Contains("inherited="));
        (await procman.WaitForExitAsync()).Should().Be(0);

        line.Should().EndWith("inherited=from-procman unset=unset");
    }
}
