using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class EventLevelSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task With_log_level_warn_only_procmans_warnings_show_and_every_line_of_the_processes()
    {
        _directory.Write("procfile.yml", """
            log_level: warn
            processes:
              fails:
                command: "echo last words; exit 3"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--no-summary", "procfile.yml");

        var code = await procman.WaitForExitAsync();

        var output = string.Join('\n', procman.Lines);
        code.Should().Be(3);
        output.Should().Contain("| last words").And.Contain("fails exited with code 3");
        output.Should().NotContain("started with pid");
    }
}
