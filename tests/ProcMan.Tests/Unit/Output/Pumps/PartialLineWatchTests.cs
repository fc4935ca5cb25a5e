using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Pumps;

/// <summary>When a pump's unfinished line is shown early, on a fake clock; the pump's reads are played by hand.</summary>
public sealed class PartialLineWatchTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly OutputChannel _channel = new();
    private readonly PartialLineWatch _watch;

    public PartialLineWatchTests() =>
        _watch = new PartialLineWatch(Chunks.Web, OutputStream.StandardOutput, UndrainedInlet.For(_channel), PartialLineWatch.Delay, _time);

    public void Dispose() => _watch.Dispose();

    /// <summary>The pump read <paramref name="held"/> (its unfinished line) and waits for more.</summary>
    private void Waits(string held, bool newLine = false)
    {
        var bytes = Encoding.UTF8.GetBytes("xx" + held);
        _watch.BeforeRead(bytes, 2, bytes.Length, newLine);
    }

    private List<string> Previews()
    {
        var previews = new List<string>();
        while (_channel.Reader.TryRead(out var chunk))
        {
            chunk.Part.Should().Be(LinePart.Preview);
            previews.Add(Encoding.UTF8.GetString(chunk.Lines));
            _channel.Consumed(chunk);
            chunk.Release();
        }
        return previews;
    }

    [Fact]
    public void I_see_a_prompt_200_ms_after_it_was_written_once()
    {
        Waits("Overwrite? [y/N] ");

        _time.Advance(TimeSpan.FromMilliseconds(199));
        Previews().Should().BeEmpty("a line gets 200 ms to end");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Previews().Should().Equal("Overwrite? [y/N] ");
        _time.Advance(TimeSpan.FromSeconds(5));
        Previews().Should().BeEmpty("nothing new to show");
    }

    [Fact]
    public void I_see_no_preview_of_a_line_that_ends_in_time_nor_while_the_pump_works()
    {
        Waits("half a li");
        _time.Advance(TimeSpan.FromMilliseconds(150));
        _watch.AfterRead();
        Waits("next one", newLine: true);
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Previews().Should().BeEmpty("the first line ended within 200 ms; the second is only 150 ms old");

        _watch.AfterRead();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Previews().Should().BeEmpty("the pump holds its buffer while it works");
        Waits("next one, longer");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Previews().Should().Equal("next one, longer");
    }

    [Fact]
    public void I_see_a_growing_progress_bar_at_most_every_200_ms()
    {
        Waits("\r 1%");
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Previews().Should().Equal("\r 1%");

        _watch.AfterRead();
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Waits("\r 1%\r 2%");
        _time.Advance(TimeSpan.FromMilliseconds(149));
        Previews().Should().BeEmpty();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Previews().Should().Equal("\r 1%\r 2%");
    }
}
