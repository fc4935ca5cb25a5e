using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Reporting;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class LogLocationTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_can_name_log_files_relative_to_the_configuration_and_see_them_in_check()
    {
        var path = _directory.Write("app/procman.yaml", """
            log_location: logs/all.log
            processes:
              web:
                command: serve
                log_location: ../web.log
              worker:
                command: work
            """);

        var configuration = Load.File(path);

        configuration.Document.LogLocation.Should().Be(Path.Combine(_directory.Path, "app", "logs", "all.log"));
        configuration.Document.Processes.Select(p => p.LogLocation).Should().Equal(Path.Combine(_directory.Path, "web.log"), null);
        var summary = CheckSummary.Render(configuration);
        summary.Should().Contain($"\nlog file {Path.Combine(_directory.Path, "app", "logs", "all.log")}\n");
        summary.Should().Contain($"  log file     {Path.Combine(_directory.Path, "web.log")}\n\nworker");
    }

    [Theory]
    [InlineData("    log_location: \"\"\n", "`log_location` in process `web` is empty: give a file path", 3, 19)]
    [InlineData("    log_location: [a.log]\n", "`log_location` in process `web`: expected a string, got a list", 3, 19)]
    [InlineData("    log_location: logs/\n", "`log_location` in process `web` must be a file, but `logs/` is a directory", 3, 19)]
    [InlineData("    log_locaton: web.log\n", "unknown key `log_locaton` in process `web`; did you mean `log_location`?", 3, 5)]
    public void I_get_a_position_for_a_bad_log_location(string line, string message, int row, int column)
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n" + line + "    command: serve\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Message.Should().Contain(message);
        (error.Line, error.Column).Should().Be((row, column));
    }

    [Fact]
    public void I_am_told_when_the_top_level_log_location_is_a_directory()
    {
        _directory.CreateDirectory("logs");
        var path = _directory.Write("procman.yaml", "log_location: logs\nprocesses:\n  web:\n    command: serve\n");

        Load.Errors(path).Select(e => e.ToString()).Should().Equal(
            $"{path}:1:15: `log_location` at the top level must be a file, but `logs` is a directory");
    }
}
