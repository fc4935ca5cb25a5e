using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Yaml;

/// <summary>YAML 1.1's booleans in a process-compose file, as its yaml.v3 reads them; not in ProcMan's.</summary>
public sealed class Yaml11BooleansTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("n", false)]
    [InlineData("yes", true)]
    [InlineData("ON", true)]
    [InlineData("y", true)]
    public void A_process_compose_file_can_write_booleans_as_its_documentation_does(string written, bool expected)
    {
        var path = _directory.Write("process-compose.yaml", $"processes:\n  web:\n    command: serve\n    shutdown:\n      parent_only: {written}\n    disabled: {written}\n");

        var process = Load.File(path).Document.Processes.Single();

        process.Shutdown.ParentOnly.Should().Be(expected);
        process.Disabled.Should().Be(expected);
    }

    [Fact]
    public void A_quoted_yes_is_a_string_even_in_a_process_compose_file()
    {
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve\n    disabled: \"yes\"\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Be("`disabled` in process `web`: expected true or false, got `yes`");
    }

    [Fact]
    public void A_yes_stays_a_string_where_a_string_is_expected()
    {
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve\n    environment: [\"DEBUG=yes\"]\n    description: yes\n");

        var process = Load.File(path).Document.Processes.Single();

        process.Description.Should().Be("yes");
        process.Environment.Should().ContainSingle().Which.Value.Should().Be("yes");
    }

    [Fact]
    public void A_procman_file_keeps_yaml_1_2_booleans()
    {
        var path = _directory.Write("procfile.yml", "processes:\n  web:\n    command: serve\n    disabled: no\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Be("`disabled` in process `web`: expected true or false, got `no`");
    }
}
