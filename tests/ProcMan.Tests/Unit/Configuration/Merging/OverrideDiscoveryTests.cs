using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Merging;

/// <summary>The override file beside a discovered file is merged over it, as process-compose does.</summary>
public sealed class OverrideDiscoveryTests : IDisposable
{
    private const string Processes = "processes:\n  web:\n    command: serve\n";
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("process-compose.yml", "process-compose.override.yml")]
    [InlineData("process-compose.yaml", "process-compose.override.yaml")]
    [InlineData("compose.yml", "compose.override.yml")]
    [InlineData("compose.yml", "process-compose.override.yaml")]
    [InlineData("procfile.yml", "procfile.override.yml")]
    [InlineData("procfile.yaml", "procfile.override.yaml")]
    public void A_discovered_file_comes_with_its_override(string found, string over)
    {
        _directory.Write(found, Processes);
        _directory.Write(over, "processes:\n  web:\n    command: serve --local\n");

        var files = ConfigurationDiscovery.FindWithOverride(_directory.Path);

        files.Select(Path.GetFileName).Should().Equal(found, over);
        Load.Files([.. files]).Document.Processes.Single().Command.Should().Be("serve --local");
    }

    [Fact]
    public void The_first_override_name_wins_as_in_process_compose()
    {
        _directory.Write("process-compose.yml", Processes);
        _directory.Write("process-compose.override.yaml", Processes);
        _directory.Write("compose.override.yml", Processes);

        ConfigurationDiscovery.FindWithOverride(_directory.Path).Select(Path.GetFileName).Should().Equal("process-compose.yml", "compose.override.yml");
    }

    [Theory]
    [InlineData("procfile.yml", "process-compose.override.yml")]
    [InlineData("process-compose.yml", "procfile.override.yml")]
    public void An_override_of_the_other_dialect_is_not_merged(string found, string over)
    {
        _directory.Write(found, Processes);
        _directory.Write(over, Processes);

        ConfigurationDiscovery.FindWithOverride(_directory.Path).Select(Path.GetFileName).Should().Equal(found);
    }

    [Fact]
    public void A_Procfile_has_no_override()
    {
        _directory.Write("Procfile", "web: serve\n");
        _directory.Write("procfile.override.yml", Processes);

        ConfigurationDiscovery.FindWithOverride(_directory.Path).Select(Path.GetFileName).Should().Equal("Procfile");
    }
}
