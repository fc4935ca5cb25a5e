using FluentAssertions;
using ProcMan.Configuration;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class FormationTests
{
    [Theory]
    [InlineData("web=2", "web", 2)]
    [InlineData("web=2,worker=0", "worker", 0)]
    [InlineData("all=3", "anything", 3)]
    [InlineData("all=3,web=1", "web", 1)]
    [InlineData("web=1,all=3", "web", 1)]
    [InlineData(" web = 4 ", "web", 4)]
    [InlineData("web=2", "worker", null)]
    [InlineData("", "web", null)]
    public void I_get_the_count_for_a_process(string text, string process, int? expected)
    {
        Formation.Parse(text).CountFor(process).Should().Be(expected);
    }

    [Theory]
    [InlineData("web", "`web` is not NAME=COUNT")]
    [InlineData("=2", "`=2` is not NAME=COUNT")]
    [InlineData("web=two", "`web=two`: the count must be a whole number of 0 or more, got `two`")]
    [InlineData("web=-1", "got `-1`")]
    [InlineData("web=1,web=2", "`web` is given twice")]
    [InlineData("all=1,all=2", "`all` is given twice")]
    [InlineData("web=1,,worker=2", "`` is not NAME=COUNT")]
    public void I_am_told_what_is_wrong_with_a_formation(string text, string message)
    {
        var exception = Assert.Throws<ConfigurationException>(() => Formation.Parse(text));

        exception.Errors.Should().ContainSingle();
        exception.Errors[0].Should().Match<ConfigurationError>(e => e.File == "formation" && e.Line == null && e.Column == null);
        exception.Errors[0].Message.Should().Contain(message);
    }

    [Fact]
    public void I_see_every_bad_entry_of_a_formation_at_once()
    {
        var exception = Assert.Throws<ConfigurationException>(() => Formation.Parse("web=x,worker,clock=1"));

        exception.Errors.Should().HaveCount(2);
    }
}
