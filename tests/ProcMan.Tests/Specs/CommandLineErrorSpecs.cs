using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>Command-line mistakes: one paragraph in words on stderr, exit code 2, never a stack trace.</summary>
public sealed class CommandLineErrorSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public CommandLineErrorSpecs() => _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo hello")));

    public void Dispose() => _directory.Dispose();

    [Theory(Timeout = 30_000)]
    [InlineData("up")]
    [InlineData("stop")]
    [InlineData("logs")]
    [InlineData("wait")]
    [InlineData("ps")]
    public async Task I_see_each_default_once_in_the_help(string command)
    {
        var help = await ProcManCommand.RunAsync(_directory.Path, command, "--help");

        help.ExitCode.Should().Be(0);
        help.Lines.Should().NotContain(line => Regex.IsMatch(line, @"(\[default: [^\]]*\]).*\1"));
    }
}
