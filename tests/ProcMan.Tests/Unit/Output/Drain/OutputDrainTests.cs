using System.Text;
using FluentAssertions;
using ProcMan.Output;
using Xunit;
using static ProcMan.Tests.Unit.Output.Chunks;

namespace ProcMan.Tests.Unit.Output.Drain;

public sealed class OutputDrainTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static ConsoleSink Console(Stream stream) =>
        new(stream, new TextLineFormat(new LinePrefixer(new OutputFormat(Colors: false, Timestamps: false), ["web", "worker"])));

    [Fact]
    public async Task I_get_every_line_in_the_channel_s_order_on_the_console_and_in_every_sink()
    {
        var channel = new OutputChannel();
        var console = new MemoryStream();
        var sink = new RecordingSink();
        var drain = new OutputDrain(channel, Console(console), sink);
        var draining = drain.RunAsync();

        drain.Inlet.Write(Of(Web, "one\n"));
        drain.Inlet.TryWrite(Event("an event")).Should().BeTrue();
        drain.Inlet.Write(Of(Worker, "two\nthree\n"));
        drain.Inlet.Complete();
        await draining.WaitAsync(Timeout);

        sink.Events.Where(e => e != "flush").Should().Equal("web:one\n", "procman:an event\n", "worker:two\nthree\n");
        Encoding.UTF8.GetString(console.ToArray()).Should().Be("web     | one\nprocman | an event\nworker  | two\nworker  | three\n");
    }

    [Fact]
    public async Task I_get_a_preview_of_an_unfinished_line_on_the_console_only_and_its_line_everywhere_once()
    {
        var channel = new OutputChannel();
        var console = new MemoryStream();
        var sink = new RecordingSink();
        var terminal = new ConsoleSink(console, new TerminalLineFormat(new LinePrefixer(new OutputFormat(), ["web"]), () => 80));
        var drain = new OutputDrain(channel, terminal, sink);
        var draining = drain.RunAsync();

        drain.Inlet.TryWrite(Of(Web, "Overwrite? ") with { Part = LinePart.Preview }).Should().BeTrue();
        drain.Inlet.Write(Of(Web, "Overwrite? no\n"));
        drain.Inlet.Complete();
        await draining.WaitAsync(Timeout);

        sink.Events.Where(e => e != "flush").Should().Equal(["web:Overwrite? no\n"], "log files and the log hub get the line, not its preview");
        Encoding.UTF8.GetString(console.ToArray()).Should().Be("web     | Overwrite? \r\e[Kweb     | Overwrite? no\n");
    }

    [Fact]
    public async Task A_lone_line_is_flushed_as_soon_as_the_channel_runs_empty()
    {
        var channel = new OutputChannel();
        var sink = new RecordingSink();
        var drain = new OutputDrain(channel, Console(Stream.Null), sink);
        var draining = drain.RunAsync();

        // A pump's write, with the drain idle: the pump's own thread writes and flushes it.
        drain.Inlet.Write(Of(Web, "ready\n"));

        sink.Events.Should().Equal("web:ready\n", "flush");
        drain.Inlet.Complete();
        await draining.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_console_that_fails_is_reported_once_and_the_drain_goes_on_so_no_child_blocks()
    {
        var channel = new OutputChannel(byteBudget: OutputChannel.MinimumChunkCost);
        var sink = new RecordingSink();
        var drain = new OutputDrain(channel, Console(new FailingStream()), sink);
        var draining = drain.RunAsync();

        // Far more than the budget: each write waits for the one before to be consumed.
        for (var i = 0; i < 100; i++)
            drain.Inlet.Write(Of(Web, $"line {i}\n"));
        drain.Inlet.Complete();
        await draining.WaitAsync(Timeout);

        (await drain.Failure.WaitAsync(Timeout)).Message.Should().Be("disk full");
        sink.Events.Count(e => e != "flush").Should().Be(100, "the other sinks still get every line");
    }

    [Fact]
    public async Task I_can_wait_until_everything_written_so_far_is_out_before_the_end()
    {
        var channel = new OutputChannel();
        var sink = new RecordingSink();
        var drain = new OutputDrain(channel, Console(Stream.Null), sink);
        var draining = drain.RunAsync();
        drain.Inlet.TryWrite(Event("last words")).Should().BeTrue();

        await drain.CatchUpAsync().WaitAsync(Timeout);

        sink.Events.Should().Contain("procman:last words\n");
        drain.Inlet.Complete();
        await draining.WaitAsync(Timeout);
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new IOException("disk full");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");
    }
}
