using FluentAssertions;
using ProcMan.Processes;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>The signal names a configuration file may give to <c>shutdown.signal</c>.</summary>
public sealed class SignalNameTests
{
    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGTERM", 15)]
    [InlineData("sigint", 2)]
    [InlineData("Quit", 3)]
    [InlineData("HUP", 1)]
    [InlineData("KILL", 9)]
    [InlineData("USR1", 10)]
    [InlineData("SIGUSR2", 12)]
    [InlineData("15", 15)]
    [InlineData("64", 64)]
    [InlineData(" INT ", 2)]
    public void I_can_name_a_signal_by_name_with_or_without_SIG_or_by_number(string text, int number)
    {
        UnixSignal.TryParse(text, out var signal).Should().BeTrue();
        signal.Should().Be(new UnixSignal(number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SIG")]
    [InlineData("TREM")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("-15")]
    [InlineData(null)]
    public void Anything_else_is_not_a_signal(string? text)
    {
        UnixSignal.TryParse(text, out var signal).Should().BeFalse();
        signal.Should().Be(default(UnixSignal));
    }
}
