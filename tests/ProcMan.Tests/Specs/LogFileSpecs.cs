using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class LogFileSpecs : IDisposable
{
    private const string Timestamp = @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} ";
    private const int TimestampLength = 24;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_find_every_line_the_console_got_in_the_log_files_after_SIGINT()
    {
        _directory.Write("procfile.yml", """
            log_location: all.log
            processes:
              flood:
                command: seq 1 200000; exec sleep 300
                log_location: logs/flood.log
              idle:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        // Mid-flood, most likely: whatever the console got by then, the files must have too.
        await procman.WaitForLineAsync(line => line == "flood   | 1000");

        procman.Signal(UnixSignal.Interrupt);
        (await procman.WaitForExitAsync()).Should().Be(130);

        var console = procman.Lines;
        var all = await File.ReadAllLinesAsync(_directory.Combine("all.log"));
        all.Should().OnlyContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, Timestamp));
        all.Length.Should().Be(console.Count);
        all.Select(line => line[TimestampLength..]).SequenceEqual(console).Should().BeTrue("the top-level file has every line, prefixed like the console");

        var flood = console.Where(line => line.StartsWith("flood   | ", StringComparison.Ordinal)).Select(line => line["flood   | ".Length..]).ToList();
        flood.Count.Should().BeGreaterThanOrEqualTo(1000);
        var own = await File.ReadAllLinesAsync(_directory.Combine("logs/flood.log"));
        own.Length.Should().Be(flood.Count);
        own.Select(line => line[TimestampLength..]).SequenceEqual(flood).Should().BeTrue("the process's file has its lines, bare, in order");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_a_process_s_own_lines_in_its_file_and_the_files_are_appended_to()
    {
        _directory.Write("procfile.yml", """
            log_location: all.log
            processes:
              web:
                command: echo hello web; echo oops >&2
                log_location: web.log
                depends_on: {worker: {condition: process_completed}}
              worker:
                command: echo hello worker
                availability: {exit_on_end: false}
            """);

        for (var run = 0; run < 2; run++)
        {
            await using var procman = ProcManRun.Start(_directory.Path, "up", "--raw", "--color", "always");
            (await procman.WaitForExitAsync()).Should().Be(0);
        }

        var web = await File.ReadAllLinesAsync(_directory.Combine("web.log"));
        web.Should().OnlyContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, Timestamp));
        // stdout and stderr are two pipes: their relative order is not defined, each run's lines are.
        var bare = web.Select(line => line[TimestampLength..]).ToList();
        bare.Take(2).Should().BeEquivalentTo("hello web", "oops");
        bare.Skip(2).Should().BeEquivalentTo("hello web", "oops");

        var all = (await File.ReadAllLinesAsync(_directory.Combine("all.log"))).Select(line => line[TimestampLength..]).ToList();
        all.Count(line => line == "web     | hello web").Should().Be(2, "--raw and --color are for the console only");
        all.Count(line => line == "worker  | hello worker").Should().Be(2);
        all.Should().Contain(line => line.StartsWith("procman | web started with pid ", StringComparison.Ordinal));
        all.Should().NotContain(line => line.Contains('\e'));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_exit_code_2_before_anything_starts_when_a_log_file_cannot_be_opened()
    {
        _directory.Write("blocker", "a file, so no directory can be made here");
        var marker = _directory.Combine("started");
        _directory.Write("procfile.yml", $"""
            processes:
              web:
                command: touch '{marker}'
                log_location: blocker/web.log
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(2);

        procman.Stderr.Should().StartWith("procman: ").And.Contain("cannot open the log file").And.Contain("blocker/web.log").And.NotContain("   at ");
        procman.Lines.Should().BeEmpty();
        File.Exists(marker).Should().BeFalse("nothing may start");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_am_warned_once_and_the_processes_run_on_when_a_log_file_cannot_be_written()
    {
        // /dev/full opens fine, and every write fails with ENOSPC, like a full disk.
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: echo hello; echo world
                log_location: /dev/full
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().ContainInOrder("web     | hello", "web     | world", "procman | web exited with code 0");
        procman.Lines.Should().ContainSingle(line => line.StartsWith("procman | cannot write the log file /dev/full", StringComparison.Ordinal));
    }
}
