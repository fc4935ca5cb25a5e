using System.Text.RegularExpressions;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ExitSummarySpecs : IDisposable
{
    private const string Header = "process";

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_see_after_the_last_line_a_summary_of_what_each_process_really_did()
    {
        // 4 + 6 + 3 bytes, newlines included.
        _directory.Write("procfile.yml", Procfile.Yaml(("writer", "printf 'abc\\ndefgh\\nij\\n'; exit 3"), ("idle", "exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(3);

        var lines = procman.Lines;
        var header = lines.ToList().FindIndex(line => line.StartsWith($"procman | {Header}", StringComparison.Ordinal));
        header.Should().Be(lines.Count - 3, "the summary (a header and one row per process) comes after every other line");
        Regex.Split(lines[header]["procman | ".Length..], " {2,}").Should().Equal("process", "pid", "state", "exit", "restarts", "run time", "lines", "bytes");

        var pid = Regex.Match(lines.Single(line => line.StartsWith("procman | writer started with pid ", StringComparison.Ordinal)), @"\d+$").Value;
        Cells(lines[header + 1]).Should().Equal("writer", pid, "failed", "3", "0", Cells(lines[header + 1])[5], "3", "13");
        Cells(lines[header + 1])[5].Should().MatchRegex(@"^\d+\.\d{3}s$");
        Cells(lines[header + 2]).Should().Equal("idle", Cells(lines[header + 2])[1], "stopped", "SIGTERM", "0", Cells(lines[header + 2])[5], "0", "0");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_turn_the_summary_off()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo hello")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--no-summary");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("procman | web exited with code 0")
            .And.NotContain(line => line.StartsWith($"procman | {Header}", StringComparison.Ordinal));
        procman.Lines[^1].Should().StartWith("procman | stopping all processes: web ended");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_the_summary_last_and_bare_in_raw_mode()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "echo hello")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--raw");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines[^2].Should().StartWith(Header);
        Regex.Split(procman.Lines[^1], " +")[..5].Should().Equal("web", Regex.Split(procman.Lines[^1], " +")[1], "completed", "0", "0");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_find_a_failed_process_s_last_50_lines_in_a_GitHub_Actions_group()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(
            ("broken", "for i in $(seq 1 60); do echo \"line $i\"; done; echo '::error::not a command'; exit 1"),
            ("fine", "echo fine; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, ["up"], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        (await procman.WaitForExitAsync()).Should().Be(1);

        var lines = procman.Lines.ToList();
        var group = lines.IndexOf("::group::broken (last 50 lines)");
        group.Should().BePositive();
        lines.Take(group).Should().Contain(line => line.StartsWith($"procman | {Header}", StringComparison.Ordinal), "the group comes after the summary");
        var token = lines[group + 1].Should().StartWith("::stop-commands::").And.Subject["::stop-commands::".Length..];
        lines.Skip(group + 2).Should().Equal(
            Enumerable.Range(11, 50).Select(i => $"broken  | line {i}").Skip(1).Append("broken  | ::error::not a command")
                .Append($"::{token}::").Append("::endgroup::"));
        lines.Should().NotContain(line => line.StartsWith("::group::fine", StringComparison.Ordinal), "only failed processes get a group");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_no_GitHub_group_outside_GitHub_Actions()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("broken", "echo bad; exit 1")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(1);

        procman.Lines.Should().NotContain(line => line.StartsWith("::", StringComparison.Ordinal));
    }

    private static string[] Cells(string line) => Regex.Split(line["procman | ".Length..].Trim(), " +");
}
