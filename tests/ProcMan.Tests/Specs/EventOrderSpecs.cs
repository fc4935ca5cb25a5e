using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>ProcMan's own lines land where they belong among the children's, even when the console lags.</summary>
public sealed class EventOrderSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task I_see_a_process_exit_after_its_last_lines_even_when_the_console_lags_far_behind()
    {
        // With the console stalled, a 1 MB line clogs it, then 1500 lines, written apart (a fork
        // between two), fill the channel's budget (1024 chunks at most), so the last ones wait in
        // the pipe, unread, when the child exits. Its exit must wait for them, however long the
        // console lags.
        var exited = await _directory.CreateFifoAsync("exited");
        _directory.Write("procfile.yml", Procfile.Yaml(("big",
            "head -c 1000000 /dev/zero | tr '\\0' x; echo; " +
            "i=0; while [ $i -lt 1500 ]; do echo \"line $i\"; /bin/true; i=$((i+1)); done; " +
            $"echo 'last line'; echo > '{exited}'")));
        await using var procman = ProcManRun.Start(_directory.Path, ["up"], environment: null, pauseStdout: true);

        await File.ReadAllTextAsync(exited);
        // The child is gone; give a grace-period-based exit report the time to misbehave.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        procman.ResumeStdout();

        (await procman.WaitForExitAsync()).Should().Be(0);
        var shortLines = procman.Lines.Where(line => line.Length < 100).ToList();
        shortLines.Where(line => line.StartsWith("big     | line ", StringComparison.Ordinal)).Should().HaveCount(1500);
        shortLines.Should().ContainInOrder("big     | line 1499", "big     | last line", "procman | big exited with code 0");
    }
}
