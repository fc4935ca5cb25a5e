using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>The mistakes YamlDotNet words for parsers, not people: each gets the hint that fixes it.</summary>
public sealed class YamlHintTests
{
    [Fact]
    public void I_am_told_to_quote_a_command_with_a_colon_and_space_in_it()
    {
        Errors("processes:\n  web:\n    command: echo time: now\n").Should().ContainSingle().Which.Should().Be(
            "procfile.yml:3:23: invalid YAML: While scanning a plain scalar value, found invalid mapping. A `: ` inside a value starts a mapping; quote the whole value: command: \"echo time: now\"");
    }

    [Theory]
    [InlineData("restart: always", "availability.restart")]
    [InlineData("max_restarts: 3", "availability.max_restarts")]
    [InlineData("signal: INT", "shutdown.signal")]
    public void I_am_pointed_to_the_section_a_misplaced_process_key_belongs_in(string line, string suggestion)
    {
        Errors($"processes:\n  web:\n    command: run\n    {line}\n").Should().ContainSingle().Which.Should().Be(
            $"procfile.yml:4:5: unknown key `{line.Split(':')[0]}` in process `web`; did you mean `{suggestion}`?");
    }

    [Fact]
    public void I_am_pointed_to_entrypoint_when_I_give_command_a_list()
    {
        Errors("processes:\n  web:\n    command: [node, server.js]\n").Should().ContainSingle().Which.Should().Be(
            "procfile.yml:3:14: `command` in process `web`: expected a string, got a list; for a list of arguments use `entrypoint: [node, server.js]`");
    }

    private static IEnumerable<string> Errors(string yaml)
    {
        var errors = new ErrorCollector();
        YamlProcfileReader.Read(yaml, "procfile.yml", Path.GetTempPath(), errors);
        return errors.Errors.Select(error => error.ToString());
    }
}
