using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Output;
using Xunit;
using static ProcMan.Tests.Unit.Output.Chunks;

namespace ProcMan.Tests.Unit.Output.Channel;

public sealed class OutputChannelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void I_get_the_chunks_in_the_order_they_were_written()
    {
        var channel = new OutputChannel();

        channel.WriteAsync(Of(Web, "one\n")).IsCompletedSuccessfully.Should().BeTrue();
        channel.TryWrite(Event("started")).Should().BeTrue();
        channel.WriteAsync(Of(Worker, "two\n")).IsCompletedSuccessfully.Should().BeTrue();

        TakeAll(channel).Should().Equal("web:one\n", "procman:started\n", "worker:two\n");
    }

    [Fact]
    public async Task A_child_waits_once_the_budget_is_full_and_goes_on_once_the_drain_consumed_a_chunk()
    {
        // Each chunk costs at least MinimumChunkCost: two fill this budget.
        var channel = new OutputChannel(byteBudget: 2 * OutputChannel.MinimumChunkCost);
        channel.WriteAsync(Of(Web, "a\n")).IsCompletedSuccessfully.Should().BeTrue();
        channel.WriteAsync(Of(Web, "b\n")).IsCompletedSuccessfully.Should().BeTrue();

        var third = channel.WriteAsync(Of(Web, "c\n")).AsTask();

        third.IsCompleted.Should().BeFalse();
        channel.Reader.TryRead(out var first).Should().BeTrue();
        channel.Consumed(first);
        await third.WaitAsync(Timeout);
        TakeAll(channel).Should().Equal("web:b\n", "web:c\n");
    }

    [Fact]
    public async Task ProcMan_s_events_go_in_at_once_even_when_the_budget_is_full()
    {
        var channel = new OutputChannel(byteBudget: OutputChannel.MinimumChunkCost);
        channel.WriteAsync(Of(Web, "a\n")).IsCompletedSuccessfully.Should().BeTrue();
        var waiting = channel.WriteAsync(Of(Web, "b\n")).AsTask();

        channel.TryWrite(Event("sending SIGTERM to web")).Should().BeTrue();

        waiting.IsCompleted.Should().BeFalse();
        channel.Reader.TryRead(out var first).Should().BeTrue();
        channel.Reader.TryRead(out var second).Should().BeTrue();
        Text(second).Should().Be("procman:sending SIGTERM to web\n");
        channel.Consumed(first);
        await waiting.WaitAsync(Timeout);
        TakeAll(channel).Should().Equal("web:b\n");
    }

    [Fact]
    public async Task A_long_line_s_pieces_stay_together_and_the_others_and_events_follow_it()
    {
        var channel = new OutputChannel();
        channel.WriteAsync(Of(Web, "aaa", LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();

        var other = channel.WriteAsync(Of(Worker, "meanwhile\n")).AsTask();
        channel.TryWrite(Event("an event")).Should().BeTrue();
        channel.WriteAsync(Of(Web, "bbb", LinePart.Middle)).IsCompletedSuccessfully.Should().BeTrue();

        other.IsCompleted.Should().BeFalse();
        channel.WriteAsync(Of(Web, "ccc\n", LinePart.Last)).IsCompletedSuccessfully.Should().BeTrue();
        await other.WaitAsync(Timeout);
        TakeAll(channel).Should().Equal("web:aaa", "web:bbb", "web:ccc\n", "procman:an event\n", "worker:meanwhile\n");
    }

    [Fact]
    public async Task A_long_line_that_stalls_for_a_second_is_ended_for_it_and_the_others_go_on()
    {
        var time = new FakeTimeProvider();
        var channel = new OutputChannel(time: time);
        channel.WriteAsync(Of(Web, "half a line", LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();
        channel.LongLineWaits(Web, OutputStream.StandardOutput, waiting: true);
        var other = channel.WriteAsync(Of(Worker, "waiting\n")).AsTask();

        time.Advance(OutputChannel.StalledLine - TimeSpan.FromMilliseconds(1));
        other.IsCompleted.Should().BeFalse("the line is not stalled yet");
        time.Advance(TimeSpan.FromMilliseconds(1));

        await other.WaitAsync(Timeout);
        channel.WriteAsync(Of(Web, " and its end\n", LinePart.Last)).IsCompletedSuccessfully.Should().BeTrue();
        TakeAll(channel).Should().Equal("web:half a line", "web:\n", "worker:waiting\n", "web: and its end\n");
    }

    [Fact]
    public async Task A_long_line_that_goes_on_arriving_is_not_cut_however_long_it_takes()
    {
        var time = new FakeTimeProvider();
        var channel = new OutputChannel(time: time);
        channel.WriteAsync(Of(Web, "a", LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();
        var other = channel.WriteAsync(Of(Worker, "waiting\n")).AsTask();

        for (var i = 0; i < 5; i++)
        {
            // The pump waits for its child half a stall each time, then gets the next piece.
            channel.LongLineWaits(Web, OutputStream.StandardOutput, waiting: true);
            time.Advance(OutputChannel.StalledLine / 2);
            channel.WriteAsync(Of(Web, "b", LinePart.Middle)).IsCompletedSuccessfully.Should().BeTrue();
        }
        channel.LongLineWaits(Web, OutputStream.StandardOutput, waiting: true);
        time.Advance(OutputChannel.StalledLine / 2);

        other.IsCompleted.Should().BeFalse();
        channel.WriteAsync(Of(Web, "c\n", LinePart.Last)).IsCompletedSuccessfully.Should().BeTrue();
        await other.WaitAsync(Timeout);
        TakeAll(channel).Should().Equal("web:a", "web:b", "web:b", "web:b", "web:b", "web:b", "web:c\n", "worker:waiting\n");
    }

    [Fact]
    public async Task A_long_line_whose_pump_is_not_waiting_for_its_child_is_not_cut_however_long_it_takes()
    {
        // A pump starved of the processor by a busy machine, or blocked on a full console.
        var time = new FakeTimeProvider();
        var channel = new OutputChannel(time: time);
        channel.WriteAsync(Of(Web, "a", LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();
        var other = channel.WriteAsync(Of(Worker, "waiting\n")).AsTask();

        for (var i = 0; i < 10; i++)
            time.Advance(OutputChannel.StalledLine);

        other.IsCompleted.Should().BeFalse();
        channel.WriteAsync(Of(Web, "b\n", LinePart.Last)).IsCompletedSuccessfully.Should().BeTrue();
        await other.WaitAsync(Timeout);
        TakeAll(channel).Should().Equal("web:a", "web:b\n", "worker:waiting\n");
    }

    [Fact]
    public async Task An_endless_line_is_ended_once_a_whole_budget_of_it_passed_while_others_wait()
    {
        var channel = new OutputChannel();
        var piece = new string('x', 1024 * 1024);
        channel.WriteAsync(Of(Web, piece, LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();
        var other = channel.WriteAsync(Of(Worker, "waiting\n")).AsTask();

        var piecesForAWholeBudget = (int)(OutputChannel.LongestTurnBytes / piece.Length);
        for (var i = 1; i <= piecesForAWholeBudget; i++)
        {
            other.IsCompleted.Should().BeFalse($"only {i - 1} pieces passed");
            await channel.WriteAsync(Of(Web, piece, LinePart.Middle)).AsTask().WaitAsync(Timeout);
            if (i < piecesForAWholeBudget)
                TakeAll(channel); // The drain keeps up.
        }

        await other.WaitAsync(Timeout);
        TakeAll(channel).Skip(1).Should().Equal("web:\n", "worker:waiting\n");
    }

    [Fact]
    public void Completing_ends_a_line_given_up_on_and_lets_what_it_held_follow()
    {
        var channel = new OutputChannel();
        channel.WriteAsync(Of(Web, "cut short", LinePart.First)).IsCompletedSuccessfully.Should().BeTrue();
        channel.TryWrite(Event("web exited")).Should().BeTrue();

        channel.Complete();

        TakeAll(channel).Should().Equal("web:cut short", "web:\n", "procman:web exited\n");
        channel.Reader.Completion.IsCompleted.Should().BeTrue();
        channel.TryWrite(Event("too late")).Should().BeFalse();
    }
}
