using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Sinks;

public sealed class LogRingTests
{
    private static readonly OutputSource Web = new("web", 0);

    [Fact]
    public void I_see_a_line_over_64_KiB_in_the_logs_truncated_with_a_marker_saying_how_much_is_missing()
    {
        var hub = new LogHub();

        hub.Publish(Chunk(new string('x', 20_000_000) + "\n"));

        Backlog(hub).Should().Equal(new string('x', 65_536) + "… [truncated 19.9 MB]");
    }

    [Fact]
    public void I_see_only_the_long_lines_of_a_chunk_truncated_and_the_others_as_they_were()
    {
        var hub = new LogHub();

        hub.Publish(Chunk("short\n" + new string('a', 65_536) + "\n" + new string('b', 70_000) + "\nafter\n"));

        Backlog(hub).Should().Equal("short", new string('a', 65_536), new string('b', 65_536) + "… [truncated 4.5 kB]", "after");
    }

    [Fact]
    public void I_see_a_line_that_came_in_pieces_as_one_truncated_line_once_its_last_piece_is_in()
    {
        var hub = new LogHub();

        hub.Publish(Chunk(new string('x', 50_000), LinePart.First));
        hub.Publish(Chunk(new string('y', 50_000), LinePart.Middle));
        Backlog(hub).Should().BeEmpty("the line is not complete yet");
        hub.Publish(Chunk(new string('z', 900) + "\n", LinePart.Last));

        Backlog(hub).Should().Equal(new string('x', 50_000) + new string('y', 15_536) + "… [truncated 35.4 kB]");
    }

    [Fact]
    public void I_see_a_line_that_came_in_pieces_whole_when_it_is_not_over_the_limit()
    {
        var hub = new LogHub();

        hub.Publish(Chunk("abc", LinePart.First));
        hub.Publish(Chunk("def\n", LinePart.Last));
        hub.Publish(Chunk("next\n"));

        Backlog(hub).Should().Equal("abcdef", "next");
    }

    [Fact]
    public void I_get_a_truncated_line_cut_between_characters_not_inside_one()
    {
        var hub = new LogHub();
        // 65,535 ASCII bytes, then two-byte characters: the limit falls inside the first of them.
        var line = new string('a', 65_535) + new string('é', 10);

        hub.Publish(Chunk(line + "\n"));

        Backlog(hub).Should().Equal(new string('a', 65_535) + "… [truncated 20 bytes]");
    }

    [Fact]
    public void A_follower_gets_the_long_line_truncated_as_well()
    {
        var hub = new LogHub();
        var (_, follower) = hub.Subscribe(_ => true, lines: 10, follow: true);

        hub.Publish(Chunk(new string('x', 100_000), LinePart.First));
        hub.Publish(Chunk("x\n", LinePart.Last));
        hub.Complete();

        follower!.TryRead(out var item).Should().BeTrue();
        var entry = item.Should().BeOfType<LogItem.Lines>().Subject.Entry;
        Encoding.UTF8.GetString(entry.Lines).Should().Be(new string('x', 65_536) + "… [truncated 34.5 kB]\n");
    }

    [Fact]
    public void I_see_many_long_lines_in_the_logs_truncated_within_the_same_bytes_per_source()
    {
        var hub = new LogHub();

        for (var i = 0; i < 200; i++)
            hub.Publish(Chunk(new string('x', 1_000_000) + "\n"));

        var backlog = hub.Subscribe(_ => true, lines: 1000, follow: false).Backlog;
        backlog.Sum(entry => (long)entry.Lines.Length).Should().BeLessThanOrEqualTo(LogHub.DefaultBytesPerSource);
        backlog.Sum(entry => entry.LineCount).Should().BeGreaterThan(50, "a truncated line takes 64 KiB of the 4 MiB, not 1 MB");
    }

    private static OutputChunk Chunk(string text, LinePart part = LinePart.Whole) =>
        OutputChunk.Copy(Web, OutputStream.StandardOutput, Encoding.UTF8.GetBytes(text), addNewline: false) with { Part = part };

    private static List<string> Backlog(LogHub hub) =>
        hub.Subscribe(_ => true, lines: 1000, follow: false).Backlog
            .SelectMany(entry => entry.EachLine())
            .Select(line => Encoding.UTF8.GetString(line.Span))
            .ToList();
}
