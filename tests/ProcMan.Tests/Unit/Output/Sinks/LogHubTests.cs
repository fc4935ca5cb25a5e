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
        Text(hub.Subscribe(s => s == Web, lines: 10, follow: false).Backlog).Should().Be("web 3\nweb 4\nweb 5\n");
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

    private static LogEntry Entry(long sequence, string text) =>
        new(sequence, Web, OutputStream.StandardOutput, DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes(text));
}
