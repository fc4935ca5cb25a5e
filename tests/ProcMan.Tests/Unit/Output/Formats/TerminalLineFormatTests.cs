using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Formats;

/// <summary>What a terminal is sent: the console sink over <see cref="TerminalLineFormat"/>, uncoloured.</summary>
public sealed class TerminalLineFormatTests
{
    private readonly MemoryStream _screen = new();
    private readonly ConsoleSink _console;
    private int _width = 80;

    public TerminalLineFormatTests() =>
        _console = new ConsoleSink(_screen, new TerminalLineFormat(new LinePrefixer(new OutputFormat(), ["web", "worker"]), () => _width));

    private static OutputChunk Preview(OutputSource source, string text) => Chunks.Of(source, text) with { Part = LinePart.Preview };

    /// <summary>Writes the chunks, then flushes as the drain does when the channel runs empty; returns what was sent.</summary>
    private string Send(params OutputChunk[] chunks)
    {
        foreach (var chunk in chunks)
        {
            _console.Write(chunk);
            chunk.Release();
        }
        _console.Flush();
        var sent = Encoding.UTF8.GetString(_screen.ToArray());
        _screen.SetLength(0);
        return sent;
    }

    [Fact]
    public void I_see_what_follows_a_progress_bar_s_last_carriage_return_after_the_prefix_and_a_CRLF_line_whole()
    {
        Send(Chunks.Of(Chunks.Web, "a\rb\rfinal\nabc\r\n10%\r100%\r\r\n")).Should().Be("web     | final\nweb     | abc\r\nweb     | 100%\r\r\n");
    }

    [Fact]
    public void I_see_a_long_line_s_later_piece_with_a_carriage_return_under_its_prefix_again()
    {
        Send(Chunks.Of(Chunks.Web, "start ", LinePart.First), Chunks.Of(Chunks.Web, "more\rdone\n", LinePart.Last))
            .Should().Be("web     | start \r\e[Kweb     | done\n");
    }

    [Fact]
    public void I_see_a_prompt_before_its_newline_and_then_its_whole_line_once_with_one_prefix()
    {
        Send(Preview(Chunks.Web, "Overwrite? [y/N] ")).Should().Be("web     | Overwrite? [y/N] ");

        Send(Chunks.Of(Chunks.Web, "Overwrite? [y/N] no\nnext\n")).Should().Be("\r\e[Kweb     | Overwrite? [y/N] no\nweb     | next\n");
        Send(Chunks.Of(Chunks.Worker, "later\n")).Should().Be("worker  | later\n", "the prompt's line has come: nothing floats any more");
    }

    [Fact]
    public void I_see_a_line_that_never_ended_kept_above_the_summary_and_nothing_drawn_below_it()
    {
        Send(Preview(Chunks.Web, "Password: ")).Should().Be("web     | Password: ");

        var summary = Chunks.Of(OutputSource.ProcMan, "summary\n") with { Details = new SummaryDetails([]) };
        Send(summary).Should().Be("\nprocman | summary\n", "the prompt stays where it was, ended, and is not drawn again under the summary");
    }

    [Fact]
    public void I_see_a_waiting_prompt_stay_on_the_last_row_while_other_lines_come()
    {
        Send(Preview(Chunks.Web, "Password: "));

        Send(Chunks.Of(Chunks.Worker, "one\n"), Chunks.Event("worker is ready"))
            .Should().Be("\r\e[Kworker  | one\nprocman | worker is ready\nweb     | Password: ");
        Send(Chunks.Of(Chunks.Web, "Password: \n")).Should().Be("\r\e[Kweb     | Password: \n");
    }

    [Fact]
    public void I_see_a_progress_bar_without_newline_redrawn_in_place_and_only_its_end_when_it_would_not_fit_the_row()
    {
        Send(Preview(Chunks.Web, "\r 10%")).Should().Be("web     |  10%");
        Send(Preview(Chunks.Web, "\r 10%\r 20%\r")).Should().Be("\r\e[Kweb     |  20%");

        _width = 20;
        Send(Preview(Chunks.Web, "downloading 0123456789")).Should().Be("\r\e[Kweb     | 123456789", "20 columns, 10 for the prefix and 1 spare");
    }

    [Fact]
    public void I_see_a_prompt_of_another_process_replace_the_floating_one()
    {
        Send(Preview(Chunks.Web, "Continue? "));

        Send(Preview(Chunks.Worker, "Name: ")).Should().Be("\r\e[Kworker  | Name: ");
        Send(Chunks.Of(Chunks.Web, "Continue? \n")).Should().Be("\r\e[Kweb     | Continue? \nworker  | Name: ");
    }

    [Fact]
    public void ProcMan_allocates_nothing_per_line_on_a_terminal()
    {
        var lines = Chunks.Of(Chunks.Web, string.Concat(Enumerable.Range(0, 1000).Select(i => $"line {i}\r{i}%\n")));
        var format = new TerminalLineFormat(new LinePrefixer(new OutputFormat(Colors: true, Timestamps: true), ["web"]), () => 80);
        var output = new BufferedOutput(Stream.Null);
        format.Write(lines, output); // The prefix bytes are built at first use.

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
            format.Write(lines, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "10,000 lines went through");
        lines.Release();
    }
}
