using FluentAssertions;
using ProcMan.Output;
using Xunit;

namespace ProcMan.Tests.Unit.Output.Channel;

public sealed class ByteBudgetTests
{
    [Fact]
    public void I_get_room_at_once_while_the_budget_holds_and_wait_once_it_is_full()
    {
        var budget = new ByteBudget(100);

        budget.AcquireAsync(60).IsCompletedSuccessfully.Should().BeTrue();
        var second = budget.AcquireAsync(60);

        second.IsCompleted.Should().BeFalse();
        budget.Release(60);
        second.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void A_chunk_larger_than_the_whole_budget_passes_alone_so_nothing_deadlocks()
    {
        var budget = new ByteBudget(100);

        budget.AcquireAsync(1_000).IsCompletedSuccessfully.Should().BeTrue();
        budget.AcquireAsync(1).IsCompleted.Should().BeFalse();
    }

    [Fact]
    public void Waiters_are_served_first_come_first_served_so_a_big_one_is_not_starved()
    {
        var budget = new ByteBudget(100);
        budget.AcquireAsync(100).IsCompletedSuccessfully.Should().BeTrue();
        var big = budget.AcquireAsync(90);
        var small = budget.AcquireAsync(5);

        budget.Release(50);

        big.IsCompleted.Should().BeFalse();
        small.IsCompleted.Should().BeFalse("it came after the big one, which still does not fit");
        budget.Release(50);
        big.IsCompletedSuccessfully.Should().BeTrue();
        small.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void Room_taken_by_a_writer_that_must_not_wait_goes_over_the_limit_and_holds_others_back()
    {
        var budget = new ByteBudget(100);

        budget.Take(150);

        budget.AcquireAsync(1).IsCompleted.Should().BeFalse();
        budget.Release(150);
    }
}
