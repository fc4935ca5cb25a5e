using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Names that would act on the terminal or collide with replica names, and ports past 65535, are refused.</summary>
public sealed class NameAndPortTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("a\\0b", "a\\u0000b", "U+0000 at 2")]
    [InlineData("\\e[31mred", "\\u001B[31mred", "U+001B at 1")]
    [InlineData("web\\u202Ebad", "web\\u202Ebad", "U+202E at 4")]
    [InlineData("we\\u200Bb", "we\\u200Bb", "U+200B at 3")]
    public void ProcMan_refuses_a_process_name_with_control_or_invisible_characters_and_prints_it_escaped(string yamlName, string printed, string which)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  \"{yamlName}\":\n    command: run\n    colour: red\n");

        Load.Errors(path).Should().ContainSingle().Which.Should().Be(new ConfigurationError(
            path, 2, 3, $"process name `{printed}` must not contain control or invisible characters ({which}): it is used as the output prefix"));
    }

    [Fact]
    public void I_can_name_a_process_with_letters_of_any_script_and_dots()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  café.api-v2_x:\n    command: run\n  服务:\n    command: run\n");

        Load.File(path).Plans.Select(p => p.Definition.Name).Should().Equal("café.api-v2_x", "服务");
    }

    [Fact]
    public void ProcMan_prints_a_bad_classic_process_name_escaped()
    {
        var path = _directory.Write("Procfile", "web\u001b[2J: run\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Be("invalid process name `web\\u001B[2J`: use letters, digits, `_` and `-`");
    }

    [Theory]
    [InlineData("    disabled: true\n")]
    [InlineData("    replicas: 0\n")]
    [InlineData("")]
    public void ProcMan_refuses_a_process_named_like_a_replica_of_another_even_if_it_does_not_start(string web2)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: a\n    replicas: 3\n  web.2:\n    command: b\n{web2}");

        Load.Errors(path, Load.Options with { SelectedNames = ["web"] }).Should().ContainSingle().Which.Should().Be(new ConfigurationError(
            path, 5, 3, "process `web.2` has the name of replica 2 of process `web` (3 replicas); rename it"));
    }

    [Theory]
    [InlineData("web.4")]
    [InlineData("web.02")]
    [InlineData("web.0")]
    public void I_can_name_a_process_like_a_replica_that_does_not_exist(string name)
    {
        var path = _directory.Write("procman.yaml", $"processes:\n  web:\n    command: a\n    replicas: 3\n  {name}:\n    command: b\n");

        Load.File(path).Plans.Should().HaveCount(2);
    }

    [Fact]
    public void ProcMan_refuses_replica_ports_past_65535_and_names_the_process()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  a:\n    command: run\n");

        Load.Errors(path, Load.Options with { BasePort = 65535, Formation = Formation.Parse("a=3") }).Should().ContainSingle().Which.Should().Be(new ConfigurationError(
            path, 2, 3, "process `a` would get PORT 65537 (for `a.3`: base 65535 + 100 x 0 + 2), above 65535; choose a lower --port or PORT, or set PORT for this process"));
    }

    [Fact]
    public void ProcMan_refuses_a_process_whose_port_block_starts_past_65535()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  a:\n    command: run\n  b:\n    command: run\n  c:\n    command: run\n    environment: {PORT: \"8080\"}\n");

        Load.Errors(path, Load.Options with { BasePort = 65500 }).Should().ContainSingle().Which.Message.Should().StartWith(
            "process `b` would get PORT 65600 (for `b`: base 65500 + 100 x 1 + 0), above 65535");
    }

    [Fact]
    public void I_can_use_the_last_port()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  a:\n    command: run\n    replicas: 2\n");

        Load.File(path, Load.Options with { BasePort = 65534 }).Plans[0].Instances.Select(i => i.Environment["PORT"]).Should().Equal("65534", "65535");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void ProcMan_refuses_a_base_port_outside_1_to_65535(int port)
    {
        var path = _directory.Write("procman.yaml", "processes:\n  a:\n    command: run\n");

        Load.Errors(path, Load.Options with { BasePort = port }).Should().ContainSingle().Which.Should().Be(
            new ConfigurationError("--port", null, null, $"must be between 1 and 65535, got {port}"));
    }
}
