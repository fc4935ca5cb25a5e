using FluentAssertions;
using ProcMan.Supervision;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision;

public sealed class UnknownNamesTests
{
    [Fact]
    public void I_am_told_the_closest_name_for_each_misspelt_one_and_nothing_for_a_guess()
    {
        UnknownNames.Message(["wbe", "wokrer", "nothing-like-it"], ["web", "worker", "web.1", "web.2"])
            .Should().Be("no process named wbe, wokrer, nothing-like-it; did you mean `web` for wbe, `worker` for wokrer?");
    }

    [Fact]
    public void I_am_told_only_that_a_name_is_unknown_when_nothing_is_close()
    {
        UnknownNames.Message(["database"], ["web", "worker"]).Should().Be("no process named database");
    }
}
