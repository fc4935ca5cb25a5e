using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class DiscoveryTests
{
    private const string Processes = "processes:\n  web:\n    command: echo hi\n";

    [Theory]
    [InlineData("procfile.yml", "procfile.yaml")]
    [InlineData("procfile.yaml", "process-compose.yml")]
    [InlineData("process-compose.yml", "process-compose.yaml")]
    [InlineData("process-compose.yaml", "compose.yml")]
    [InlineData("compose.yml", "compose.yaml")]
    [InlineData("compose.yaml", "Procfile")]
    public void I_get_the_earlier_name_when_two_candidates_exist(string earlier, string later)
    {
        using var directory = new TestDirectory();
        directory.Write(later, Processes);
        directory.Write(earlier, Processes);

        Path.GetFileName(ConfigurationDiscovery.Find(directory.Path)).Should().Be(earlier);
    }

    [Fact]
    public void A_Docker_Compose_file_is_skipped_for_the_Procfile_after_it()
    {
        using var directory = new TestDirectory();
        directory.Write("compose.yml", "services:\n  db:\n    image: postgres\n");
        directory.Write("Procfile", "web: echo hi\n");

        Path.GetFileName(ConfigurationDiscovery.Find(directory.Path)).Should().Be("Procfile");
    }

    [Fact]
    public void The_error_when_none_exists_lists_what_was_looked_for()
    {
        using var directory = new TestDirectory();

        var error = FindError(directory);

        error.Should().Contain("no configuration file found").And.Contain(string.Join(", ", ConfigurationDiscovery.Candidates));
        error.Should().NotContain("skipped");
    }

    [Fact]
    public void The_error_says_a_Docker_Compose_file_was_skipped_when_it_was_the_only_candidate()
    {
        using var directory = new TestDirectory();
        directory.Write("compose.yaml", "services:\n  db:\n    image: postgres\n");

        FindError(directory).Should().Contain("skipped compose.yaml").And.Contain("Docker Compose");
    }

    [Fact]
    public void Clients_get_null_rather_than_an_error_when_none_exists()
    {
        using var directory = new TestDirectory();

        ConfigurationDiscovery.FindExisting(directory.Path).Should().BeNull();
    }

    private static string FindError(TestDirectory directory)
    {
        var find = () => ConfigurationDiscovery.Find(directory.Path);
        return find.Should().Throw<ConfigurationException>().Which.Message;
    }
}
