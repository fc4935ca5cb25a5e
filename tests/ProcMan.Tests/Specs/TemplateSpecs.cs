using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class TemplateSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_runs_its_commands_with_vars_rendered()
    {
        _directory.Write("process-compose.yml", """
            vars: {WHO: world, TIMES: 1}
            processes:
              greet:
                vars: {WHO: ann}
                command: "echo hello {{.WHO}} {{ .TIMES }} time from $$0"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "process-compose.yml");

        var line = await procman.WaitForLineAsync(line => line.Contains("hello"));
        await procman.WaitForExitAsync();

        line.Should().StartWith("greet").And.EndWith("| hello ann 1 time from bash");
    }
}
