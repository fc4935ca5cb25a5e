using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;
using static ProcMan.Tests.Unit.Output.Chunks;

namespace ProcMan.Tests.Unit.Output.Sinks;

public sealed class LogHubTests
{
    private static string Text(IEnumerable<LogEntry> entries) => string.Concat(entries.Select(e => Encoding.UTF8.GetString(e.Lines)));

    [Fact]
    public void I_get_the_last_lines_of_each_process_in_the_order_they_were_written_and_the_oldest_are_evicted()
    {
        var hub = new LogHub(linesPerSource: 3);
        for (var i = 1; i <= 5; i++)
        {
            hub.Write(Of(Web, $"web {i}\n"));
            hub.Write(Of(Worker, $"worker {i}\n"));
        }

        var (backlog, follower) = hub.Subscribe(_ => true, lines: 2, follow: false);

        follower.Should().BeNull();
        Text(backlog).Should().Be("web 4\nworker 4\nweb 5\nworker 5\n");
        Text(hub.Subscribe(s => s == Web.Name, lines: 10, follow: false).Backlog).Should().Be("web 3\nweb 4\nweb 5\n");
    }

    [Fact]
    public void A_follower_gets_every_line_after_its_backlog_once_and_the_end()
    {
        var hub = new LogHub();
        hub.Write(Of(Web, "before\n"));
        var (backlog, follower) = hub.Subscribe(_ => true, lines: 10, follow: true);

        hub.Write(Of(Web, "after\n"));
        hub.Complete();

        Text(backlog).Should().Be("before\n");
        follower!.TryRead(out var item).Should().BeTrue();
        item.Should().BeOfType<LogItem.Lines>().Which.Entry.Lines.ToArray().Should().Equal(Encoding.UTF8.GetBytes("after\n"));
        follower.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void A_slow_follower_is_told_how_many_lines_it_missed_and_never_holds_the_drain()
    {
        var follower = new LogFollower(_ => true, capacityBytes: 10);
        follower.Offer(Entry(0, "12345678\n"));

        follower.Offer(Entry(1, "dropped\n"));
        follower.Offer(Entry(2, "dropped too\n"));

        follower.TryRead(out var first).Should().BeTrue();
        first.Should().BeOfType<LogItem.Lines>();
        follower.TryRead(out var gap).Should().BeTrue();
        gap.Should().Be(new LogItem.Skipped(2));
        follower.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public void I_get_ProcMan_s_events_about_a_process_with_its_lines_and_every_event_once_with_no_name()
    {
        var hub = new LogHub();
        hub.Write(Of(Web, "hello\n"));
        var events = Logged(log =>
        {
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "web", 42);
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "worker", 43);
            log(LogEvents.Stopping).Information("stopping all processes: {Reason}", "Ctrl-C");
        });
        foreach (var chunk in events)
            hub.Write(chunk);

        var web = hub.Subscribe(name => name == "web", lines: 10, follow: false).Backlog;

        Text(web).Should().Be("hello\nweb started with pid 42\n");
        web[1].Source.Should().Be(OutputSource.ProcMan, "it is printed as ProcMan's line, as up prints it");
        web[1].Details.Should().BeOfType<EventDetails>().Which.Event.Should().Be(LogEvents.Started);
        Text(hub.Subscribe(_ => true, lines: 10, follow: false).Backlog)
            .Should().Be("hello\nweb started with pid 42\nworker started with pid 43\nstopping all processes: Ctrl-C\n");
        Text(hub.Subscribe(name => name == OutputSource.ProcManName, lines: 10, follow: false).Backlog)
            .Should().Be("stopping all processes: Ctrl-C\n", "an event about no process is ProcMan's own");
    }

    [Fact]
    public void A_follower_of_one_process_gets_ProcMan_s_events_about_it_and_no_others()
    {
        var hub = new LogHub();
        var (_, follower) = hub.Subscribe(name => name == "web", lines: 10, follow: true);

        foreach (var chunk in Logged(log =>
        {
            log(LogEvents.Exited).ForContext("ExitCode", 3).Warning("{Name} {Status}", "worker", "exited with code 3");
            log(LogEvents.Exited).ForContext("ExitCode", 3).Warning("{Name} {Status}", "web", "exited with code 3");
            log(LogEvents.Stopping).Information("stopping all processes: {Reason}", "web failed");
        }))
        {
            hub.Write(chunk);
        }
        hub.Complete();

        follower!.TryRead(out var item).Should().BeTrue();
        var entry = item.Should().BeOfType<LogItem.Lines>().Which.Entry;
        Encoding.UTF8.GetString(entry.Lines).Should().Be("web exited with code 3\n");
        entry.Details.Should().BeOfType<EventDetails>().Which.Level.Should().Be("warning");
        follower.TryRead(out _).Should().BeFalse();
    }

    private static LogEntry Entry(long sequence, string text) =>
        new(sequence, Web, OutputStream.StandardOutput, DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_process_with_truncate_log_starts_each_run_with_no_recent_lines_and_the_others_keep_theirs()
    {
        var hub = new LogHub { ClearedOnStart = new HashSet<string> { "web" } };
        var starts = Logged(log =>
        {
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "web", 42);
            log(LogEvents.Started).Information("{Name} started with pid {Pid}", "worker", 43);
        });
        hub.Write(Of(Web, "first run\n"));
        hub.Write(Of(Worker, "worker line\n"));
        foreach (var chunk in starts)
            hub.Write(chunk);
        hub.Write(Of(Web, "second run\n"));

        Text(hub.Subscribe(name => name == "web", lines: 10, follow: false).Backlog).Should().Be("web started with pid 42\nsecond run\n");
        Text(hub.Subscribe(name => name == "worker", lines: 10, follow: false).Backlog).Should().Be("worker line\nworker started with pid 43\n");
    }
}
