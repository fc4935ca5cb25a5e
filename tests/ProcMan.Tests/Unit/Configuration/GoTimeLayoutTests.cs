using System.Globalization;
using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class GoTimeLayoutTests
{
    private static readonly DateTime Sample = new(2024, 3, 7, 14, 5, 9, 42, DateTimeKind.Local);

    [Theory]
    [InlineData("2006-01-02 15:04:05.000", "2024-03-07 14:05:09.042")]
    [InlineData("06-01-02 15:04:05.000", "24-03-07 14:05:09.042")]
    [InlineData("2006-01-02T15:04:05", "2024-03-07T14:05:09")]
    [InlineData("3:04PM", "2:05PM")]
    [InlineData("Jan 2 15:04:05", "Mar 7 14:05:09")]
    [InlineData("Monday, 02-Jan-06", "Thursday, 07-Mar-24")]
    [InlineData("January 2, 2006", "March 7, 2024")]
    [InlineData("15:04:05.999999", "14:05:09.042")]
    [InlineData("15:04:05,000000", "14:05:09,042000")]
    [InlineData("[15h04]", "[14h05]")]
    public void A_layout_writes_the_time_as_Go_would(string layout, string expected)
    {
        var pattern = GoTimeLayout.ToDotNet(layout, out var problem);

        problem.Should().BeNull();
        Sample.ToString(pattern, CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void The_offset_is_written_with_a_colon()
    {
        var pattern = GoTimeLayout.ToDotNet("2006-01-02T15:04:05.000Z07:00", out _);

        var offset = TimeZoneInfo.Local.GetUtcOffset(Sample);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        Sample.ToString(pattern, CultureInfo.InvariantCulture).Should().Be($"2024-03-07T14:05:09.042{sign}{offset:hh\\:mm}");
    }

    [Theory]
    [InlineData("yyyy-MM-dd HH:mm:ss", "is not a Go time layout")]
    [InlineData("%Y-%m-%d", "is not a Go time layout")]
    [InlineData("15:04:05 MST", "`MST`")]
    [InlineData("Jan _2 15:04", "`_2`")]
    [InlineData("15:04 -0700", "`-0700`")]
    [InlineData("3:04pm", "`pm`")]
    [InlineData("", "is empty")]
    public void A_layout_ProcMan_cannot_write_says_why(string layout, string expected)
    {
        GoTimeLayout.ToDotNet(layout, out var problem).Should().BeNull();

        problem.Should().Contain(expected);
    }
}
