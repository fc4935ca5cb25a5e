using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using ProcMan.Hosting;
using Xunit;

namespace ProcMan.Tests.Unit.Hosting;

/// <summary>Which signals are one stop request and which is a person's second Ctrl-C, on a fake clock.</summary>
public sealed class SignalBurstTests
{
    [Fact]
    public void I_see_signals_within_250_ms_of_the_first_count_as_one_request()
    {
        var time = new FakeTimeProvider();
        var burst = new SignalBurst(time);

        burst.IsNewRequest().Should().BeTrue("the first signal is a request");
        burst.IsNewRequest().Should().BeFalse("GNU timeout's second signal comes at once");
        time.Advance(TimeSpan.FromMilliseconds(249));
        burst.IsNewRequest().Should().BeFalse("249 ms is still the same burst");
    }

    [Fact]
    public void I_can_force_with_a_second_signal_250_ms_after_the_first()
    {
        var time = new FakeTimeProvider();
        var burst = new SignalBurst(time);
        burst.IsNewRequest();
        time.Advance(TimeSpan.FromMilliseconds(100));
        burst.IsNewRequest();

        time.Advance(TimeSpan.FromMilliseconds(150));

        burst.IsNewRequest().Should().BeTrue("250 ms after the first is a person's second Ctrl-C");
        burst.IsNewRequest().Should().BeTrue("the window is measured from the first signal only");
    }
}
