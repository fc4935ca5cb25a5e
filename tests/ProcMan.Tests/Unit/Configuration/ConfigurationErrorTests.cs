using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("procman.yaml", 3, 5, "procman.yaml:3:5: oops")]
    [InlineData("Procfile", 2, null, "Procfile:2: oops")]
    [InlineData("missing.yaml", null, null, "missing.yaml: oops")]
    public void An_error_reads_like_a_compiler_message(string file, int? line, int? column, string expected)
    {
        new ConfigurationError(file, line, column, "oops").ToString().Should().Be(expected);
    }

    [Fact]
    public void The_exception_message_lists_one_error_per_line()
    {
        var exception = new ConfigurationException(
        [
            new ConfigurationError("a.yaml", 1, 2, "first"),
            new ConfigurationError("b.env", null, null, "second"),
        ]);

        exception.Message.Should().Be("a.yaml:1:2: first\nb.env: second");
    }

    [Theory]
    [InlineData("comand", "command")]
    [InlineData("replica", "replicas")]
    [InlineData("Command", "command")]
    [InlineData("enviroment", "environment")]
    [InlineData("workdir", null)]
    [InlineData("zz", null)]
    public void I_get_a_suggestion_only_for_a_near_miss(string misspelt, string? expected)
    {
        string[] known = ["command", "entrypoint", "environment", "env_file", "replicas", "working_dir"];

        Suggestions.Closest(misspelt, known).Should().Be(expected);
    }
}
