using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary><c>exit_on_end</c>'s default is the dialect's: true in ProcMan's files, false in process-compose's.</summary>
public sealed class ExitOnEndDialectTests : IDisposable
{
    private const string TwoProcesses = "processes:\n  build: {command: make}\n  serve:\n    command: ./server\n    availability: {exit_on_end: true}\n";

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static bool ExitOnEnd(LoadedConfiguration loaded, string name) =>
        loaded.Document.Processes.Single(p => p.Name == name).Availability.ExitOnEnd;

    [Fact]
    public void In_a_process_compose_file_a_successful_end_lets_the_others_run_on_unless_written()
    {
        var loaded = Load.File(_directory.Write("process-compose.yml", TwoProcesses));

        ExitOnEnd(loaded, "build").Should().BeFalse();
        ExitOnEnd(loaded, "serve").Should().BeTrue();
    }

    [Fact]
    public void In_a_procman_file_a_successful_end_stops_everything_by_default()
    {
        var loaded = Load.File(_directory.Write("procfile.yml", TwoProcesses));

        ExitOnEnd(loaded, "build").Should().BeTrue();
    }

    [Fact]
    public void The_dialect_option_decides_for_any_file_name()
    {
        var loaded = Load.File(_directory.Write("procfile.yml", TwoProcesses), Load.Options with { Dialect = ConfigurationDialect.ProcessCompose });

        ExitOnEnd(loaded, "build").Should().BeFalse();
    }
}
