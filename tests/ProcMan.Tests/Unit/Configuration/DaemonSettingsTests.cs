using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Loading <c>is_daemon</c>, <c>launch_timeout_seconds</c> and <c>shutdown.parent_only</c>.</summary>
public sealed class DaemonSettingsTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("", false, 5.0)]
    [InlineData("    is_daemon: true\n", true, 5.0)]
    [InlineData("    is_daemon: true\n    launch_timeout_seconds: 30\n", true, 30.0)]
    [InlineData("    is_daemon: true\n    launch_timeout_seconds: 0\n", true, 5.0)]
    [InlineData("    is_daemon: false\n    launch_timeout_seconds: 1.5\n", false, 1.5)]
    public void A_process_compose_file_with_is_daemon_loads_its_launch_settings(string lines, bool daemon, double launchTimeout)
    {
        var process = Single("processes:\n  db:\n    command: docker run -d db\n" + lines);

        process.IsDaemon.Should().Be(daemon);
        process.LaunchTimeout.Should().Be(TimeSpan.FromSeconds(launchTimeout));
    }

    [Theory]
    [InlineData("{}", false)]
    [InlineData("{parent_only: false}", false)]
    [InlineData("{parent_only: true, signal: INT}", true)]
    public void A_process_compose_file_with_parent_only_loads_it(string shutdown, bool parentOnly)
    {
        var process = Single($"processes:\n  web:\n    command: serve\n    shutdown: {shutdown}\n");

        process.Shutdown.ParentOnly.Should().Be(parentOnly);
    }

    [Fact]
    public void I_am_told_where_a_wrong_daemon_setting_is()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              db:
                command: start-db
                is_daemon: sometimes
                launch_timeout_seconds: -1
                shutdown:
                  parent_only: 1
            """);

        Load.Errors(path).Select(error => error.ToString()).Should().HaveCount(3)
            .And.Contain(error => error.Contains(":4:", StringComparison.Ordinal) && error.Contains("is_daemon", StringComparison.Ordinal))
            .And.Contain(error => error.Contains(":5:", StringComparison.Ordinal) && error.Contains("launch_timeout_seconds", StringComparison.Ordinal))
            .And.Contain(error => error.Contains(":7:", StringComparison.Ordinal) && error.Contains("parent_only", StringComparison.Ordinal));
    }

    private ProcessDefinition Single(string yaml) =>
        Load.File(_directory.Write("process-compose.yaml", yaml)).Document.Processes.Single();
}
