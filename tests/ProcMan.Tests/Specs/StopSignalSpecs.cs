using System.Text.Json;
using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>Signals to ProcMan as they arrive in practice, and what it reports of its children's ends, with real processes.</summary>
public sealed class StopSignalSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 240_000)]
    public async Task I_can_run_procman_under_GNU_timeout_and_every_child_gets_its_SIGTERM_not_a_SIGKILL()
    {
        // timeout signals ProcMan, then its own process group (ProcMan again): one request. Its
        // timer is SIGALRM, sent here once the child is up, so that a slow start of ProcMan on a
        // loaded machine cannot outlast a real 1 s timer (then .NET's default SIGINT ends it).
        const int runs = 20, together = 4;
        var outcomes = new List<(int Code, IReadOnlyList<string> Lines)>();
        for (var batch = 0; batch < runs / together; batch++)
        {
            var procmen = new List<ProcManRun>();
            try
            {
                for (var i = 0; i < together; i++)
                {
                    // One directory each: a second `up` on the same file is refused.
                    var directory = _directory.CreateDirectory($"run{batch}-{i}");
                    File.WriteAllText(System.IO.Path.Combine(directory, "procfile.yml"), Procfile.Yaml(
                        ("child", "trap 'echo got-TERM; exit 0' TERM; echo up; while :; do sleep 0.05; done")));
                    procmen.Add(ProcManRun.StartUnder(["timeout", "--preserve-status", "-s", "INT", "300"], directory, "up", "--no-summary"));
                }
                foreach (var procman in procmen)
                {
                    await procman.WaitForLineAsync(line => line == "child   | up");
                    procman.Signal(new UnixSignal(14)); // SIGALRM: timeout's timer is up
                }
                foreach (var procman in procmen)
                    outcomes.Add((await procman.WaitForExitAsync(TimeSpan.FromSeconds(30)), procman.Lines));
            }
            finally
            {
                foreach (var procman in procmen)
                    await procman.DisposeAsync();
            }
        }

        outcomes.Should().HaveCount(runs);
        outcomes.Should().OnlyContain(o => o.Code == 130 && o.Lines.Contains("child   | got-TERM")
            && !o.Lines.Any(line => line.Contains("SIGKILL", StringComparison.Ordinal)),
            "two signals at once are one request: a graceful stop");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_send_two_SIGINTs_50_ms_apart_and_the_children_still_get_their_grace_period()
    {
        // What timeout (or a terminal sending to the group) does on a busy machine: the second
        // signal lands a little later, not at once, so the kernel does not merge the two. The
        // 50 ms is the stimulus, not a wait for something to happen.
        File.WriteAllText(System.IO.Path.Combine(_directory.Path, "procfile.yml"), Procfile.Yaml(
            ("child", "trap 'echo got-TERM; sleep 0.5; echo graceful; exit 0' TERM; echo up; while :; do sleep 0.05; done")));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--no-summary");
        await procman.WaitForLineAsync(line => line == "child   | up");

        procman.Signal(UnixSignal.Interrupt);
        await Task.Delay(50);
        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(130);
        procman.Lines.Should().Contain("child   | graceful", "the second signal came with the first: one request, no force");
        procman.Lines.Should().NotContain(line => line.Contains("SIGKILL", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_130_and_see_web_stopped_not_skipped_when_I_press_Ctrl_C_while_it_waits_for_a_db_that_is_never_healthy()
    {
        _directory.Write("procfile.yml", """
            processes:
              db:
                command: echo db-up; exec sleep 300
                ready_log_line: never printed
              web:
                command: exec sleep 300
                depends_on: {db: {condition: process_healthy}}
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line == "procman | web is waiting for db (process_healthy)");
        await procman.WaitForLineAsync(line => line == "db      | db-up");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130, "a stop before any end is never a failure");
        procman.Lines.Should().Contain("procman | stopping all processes: received SIGINT; press Ctrl-C again to force, grace period 5 s");
        procman.Lines.Should().NotContain(line => line.Contains("skipped", StringComparison.Ordinal));
        procman.Lines.Should().ContainMatch("procman | web *-*stopped *-*", "web never started: no pid, no exit");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("exit 130", "job exited with code 130", "130", null, "exit")]
    [InlineData("kill -INT $$", "job killed by SIGINT", "SIGINT", "SIGINT", "signal")]
    public async Task I_see_an_exit_code_and_a_death_by_signal_reported_as_the_different_facts_they_are(
        string command, string exited, string summaryExit, string? signal, string endedBy)
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("job", command)));

        await using var text = ProcManRun.Start(_directory.Path, "up");
        (await text.WaitForExitAsync()).Should().Be(130, "ProcMan's own code for a death by signal N is 128+N too");
        text.Lines.Should().Contain("procman | " + exited);
        text.Lines.Should().ContainMatch($"procman | job *failed*{summaryExit}*").And.NotContain("procman | job exited with code 130 (SIGINT)");

        await using var json = ProcManRun.Start(_directory.Path, "up", "-o", "json");
        (await json.WaitForExitAsync()).Should().Be(130);
        var objects = json.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var exit = objects.Single(o => o.TryGetProperty("event", out var e) && e.GetString() == "exited");
        (exit.GetProperty("exit_code").GetInt32(), exit.GetProperty("signal").GetString(), exit.GetProperty("ended_by").GetString())
            .Should().Be((130, signal, endedBy));
        var row = objects[^1].GetProperty("processes").EnumerateArray().Single();
        (row.GetProperty("exit_code").GetInt32(), row.GetProperty("signal").GetString(), row.GetProperty("ended_by").GetString())
            .Should().Be((130, signal, endedBy));
    }
}
