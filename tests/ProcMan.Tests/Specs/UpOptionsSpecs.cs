using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class UpOptionsSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public UpOptionsSpecs() => _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo hello")));

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_get_the_bare_lines_with_raw()
    {
        var procman = await RunAsync("up", "--raw");

        procman.Lines.Should().Contain("hello").And.NotContain(line => line.Contains(" | ", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_prefix_each_line_with_the_local_time()
    {
        var procman = await RunAsync("up", "--timestamps");

        procman.Lines.Should().Contain(line => Regex.IsMatch(line, @"^\d\d:\d\d:\d\d\.\d\d\d web     \| hello$"));
        procman.Lines.Should().OnlyContain(line => Regex.IsMatch(line, @"^\d\d:\d\d:\d\d\.\d\d\d "));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_coloured_prefixes_when_I_ask_for_them()
    {
        var procman = await RunAsync("up", "--color", "always");

        procman.Lines.Should().Contain("\e[36mweb     |\e[0m hello");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("auto", null)]
    [InlineData("never", "1")]
    public async Task I_get_no_colours_in_a_pipe_or_when_I_say_never(string mode, string? forceColor)
    {
        var procman = await RunAsync(["up", "--color", mode], new Dictionary<string, string?> { ["FORCE_COLOR"] = forceColor });

        procman.Stdout.Should().NotContain("\e[");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_force_colours_into_a_pipe_with_FORCE_COLOR()
    {
        var procman = await RunAsync(["up"], new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" });

        procman.Lines.Should().Contain("\e[36mweb     |\e[0m hello");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_ask_for_the_version_and_the_help()
    {
        var version = await RunAsync("--version");
        var help = await RunAsync("up", "--help");

        version.Stdout.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        help.Stdout.Should().Contain("--timeout").And.Contain("--color").And.Contain("--raw").And.Contain("--timestamps")
            .And.Contain("--output").And.Contain("--no-summary");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("up", "--color", "sometimes")]
    [InlineData("up", "--timeout", "-1")]
    [InlineData("up", "--output", "yaml")]
    [InlineData("up", "one.yml", "two.yml")]
    [InlineData("frobnicate")]
    public async Task I_get_exit_code_2_and_a_short_message_for_a_bad_command_line(params string[] arguments)
    {
        var procman = await RunAsync(arguments);

        procman.ExitCode.Should().Be(2);
        procman.Run.Stderr.Should().MatchRegex("^procman( [a-z]+)?: ").And.NotContain("   at ");
        procman.Lines.Should().BeEmpty("nothing may start");
    }

    private Task<Finished> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    private async Task<Finished> RunAsync(string[] arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        await using var run = ProcManRun.Start(_directory.Path, arguments, environment);
        return new Finished(run, await run.WaitForExitAsync());
    }

    private sealed record Finished(ProcManRun Run, int ExitCode)
    {
        public IReadOnlyList<string> Lines => Run.Lines;
        public string Stdout => Run.Stdout;
    }
}
