using FluentAssertions;
using ProcMan.Reporting;
using Xunit;

namespace ProcMan.Tests.Unit.Reporting;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0.000s")]
    [InlineData(42, "0.042s")]
    [InlineData(12_481, "12.481s")]
    [InlineData(59_999, "59.999s")]
    [InlineData(60_000, "1m00s")]
    [InlineData(187_000, "3m07s")]
    [InlineData(3_599_999, "59m59s")]
    [InlineData(3_600_000, "1h00m")]
    [InlineData(7_500_000, "2h05m")]
    [InlineData(100L * 3_600_000, "100h00m")]
    public void I_read_a_duration_precisely_when_short_and_readably_when_long(long milliseconds, string expected)
    {
        DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }
}
