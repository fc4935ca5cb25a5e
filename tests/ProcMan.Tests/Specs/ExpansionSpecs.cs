using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ExpansionSpecs : IDisposable
{
    // Single quotes keep the shell from expanding: only load-time expansion can fill in
    // `${GREETING}` there, and `$${GREETING}` must reach the shell as the literal `${GREETING}`.
    // The double-quoted `$${TARGET}` reaches the shell as `${TARGET}`, which the shell expands
    // at run time from the process's own environment.
    private const string Echoes = """
        processes:
          greeter:
            command: echo 'loaded=${GREETING} kept=$${GREETING}'; echo "run=$${TARGET}"
            environment:
              - TARGET=from-process
        """;

    private static readonly Dictionary<string, string?> ProcManEnvironment = new() { ["GREETING"] = "from-procman" };

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_variables_runs_with_their_values_and_dollar_dollar_as_a_dollar()
    {
        _directory.Write("process-compose.yml", Echoes);
        await using var procman = ProcManRun.Start(_directory.Path, ["up", "process-compose.yml"], ProcManEnvironment);

        var loaded = await procman.WaitForLineAsync(line => line.Contains("loaded="));
        var run = await procman.WaitForLineAsync(line => line.Contains("run="));
        (await procman.WaitForExitAsync()).Should().Be(0);

        loaded.Should().EndWith("loaded=from-procman kept=${GREETING}");
        run.Should().EndWith("run=from-process");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_procman_file_leaves_the_command_for_the_shell_to_expand()
    {
        _directory.Write("procfile.yml", Echoes);
        await using var procman = ProcManRun.Start(_directory.Path, ["up", "procfile.yml"], ProcManEnvironment);

        var loaded = await procman.WaitForLineAsync(line => line.Contains("loaded="));
        (await procman.WaitForExitAsync()).Should().Be(0);

        loaded.Should().EndWith("loaded=${GREETING} kept=$${GREETING}");
    }
}
