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
    [InlineData("up -t abc", "procman up: --timeout must be a number of seconds from 0 to 2147483 (about 24 days), not `abc`")]
    [InlineData("up -t", "procman up: --timeout needs a value: a number of seconds from 0 to 2147483 (about 24 days)")]
    [InlineData("up --timestamp", "procman up: unknown option `--timestamp`; did you mean `--timestamps`?")]
    [InlineData("check --timestamps", "procman check: unknown option `--timestamps`")]
    [InlineData("upp", "procman: unknown command `upp`; did you mean `up`?")]
    [InlineData("up --color blue", "procman up: --color must be one of auto, always, never, not `blue`")]
    [InlineData("up -p x", "procman up: --port must be a whole number, not `x`")]
    [InlineData("wait web --timeout y", "procman wait: --timeout must be a number of seconds from 0 to 2147483 (about 24 days), not `y`")]
    [InlineData("logs -n z", "procman logs: --lines must be a whole number, not `z`")]
    [InlineData("ps --jsn", "procman ps: unknown option `--jsn`; did you mean `--json`?")]
    [InlineData("stop", "procman stop: missing NAME")]
    public async Task ProcMan_refuses_a_bad_command_line_in_words_with_exit_code_2(string commandLine, string error)
    {
        var procman = await ProcManCommand.RunAsync(_directory.Path, commandLine.Split(' '));

        procman.ExitCode.Should().Be(2);
        var command = commandLine.StartsWith("upp", StringComparison.Ordinal) ? "procman" : "procman " + commandLine.Split(' ')[0];
        procman.Stderr.Should().Be($"{error}\nSee '{command} --help'.\n");
        procman.Stdout.Should().BeEmpty();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("stop")]
    [InlineData("logs")]
    [InlineData("wait")]
    public async Task I_am_told_the_closest_process_name_when_I_misspell_one_for_the_running_procman(string command)
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo up; exec sleep 300")));
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line == "web     | up");

        var procman = await ProcManCommand.RunAsync(_directory.Path, command, "wbe");

        procman.ExitCode.Should().Be(1);
        procman.Stderr.Should().Be("procman: no process named wbe; did you mean `web`?\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_the_help_from_procman_alone()
    {
        var procman = await ProcManCommand.RunAsync(_directory.Path);

        procman.ExitCode.Should().Be(0);
        procman.Stderr.Should().BeEmpty();
        procman.Stdout.Should().StartWith("Description:").And.Contain("Commands:").And.Contain("  up ");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_the_choices_of_an_option_as_I_type_them_in_the_help()
    {
        var help = await ProcManCommand.RunAsync(_directory.Path, "up", "--help");

        help.Stdout.Should().Contain("--color <auto|always|never>").And.Contain("--output <text|json>").And.Contain("--timeout <seconds>");
        help.Stdout.Should().Contain("[default: auto]").And.Contain("[default: text]").And.NotContain("[default: Auto]").And.NotContain("[default: Text]");
    }

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
