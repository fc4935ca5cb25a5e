using FluentAssertions;
using ProcMan.Control;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ControlClientsSpecs
{
    [Fact]
    public void I_get_a_place_beyond_the_cap_by_the_oldest_idle_client_being_closed()
    {
        var clients = new ControlClients(4);
        var warnings = 0;
        clients.Full += () => warnings++;
        var idle = Enumerable.Range(0, 4).Select(_ => clients.TryAdmit()!).ToList();
        idle[0].TryStartServing().Should().BeTrue("the oldest is being served, so it is not idle");

        var newcomer = clients.TryAdmit();
        var another = clients.TryAdmit();

        newcomer.Should().NotBeNull();
        another.Should().NotBeNull();
        idle.Select(slot => slot.Evicted.IsCancellationRequested).Should().Equal(false, true, true, false);
        idle[1].TryStartServing().Should().BeFalse("an evicted client's request comes too late");
        warnings.Should().Be(1, "the cap is reported once, not at every newcomer");
    }

    [Fact]
    public void ProcMan_refuses_a_newcomer_when_every_place_is_held_by_a_client_being_served()
    {
        var clients = new ControlClients(4);
        var served = Enumerable.Range(0, 4).Select(_ => clients.TryAdmit()!).ToList();
        served.ForEach(slot => slot.TryStartServing().Should().BeTrue());

        clients.TryAdmit().Should().BeNull();

        served[2].Dispose();
        clients.TryAdmit().Should().NotBeNull("a place was given back");
    }

    [Fact]
    public void ProcMan_keeps_the_last_places_for_short_requests_when_followers_pile_up()
    {
        var clients = new ControlClients(16);
        clients.Reserve.Should().Be(2);
        var followers = Enumerable.Range(0, 14).Select(_ => clients.TryAdmit()!).ToList();
        followers.ForEach(slot => (slot.TryStartServing() && slot.TryStartLasting()).Should().BeTrue());

        var fifteenth = clients.TryAdmit()!;
        fifteenth.TryStartServing().Should().BeTrue();
        fifteenth.TryStartLasting().Should().BeFalse("only short requests may take the reserve");
        var ps = clients.TryAdmit();
        ps.Should().NotBeNull("a ps still finds a place");

        followers[0].Dispose();
        var follower = clients.TryAdmit()!;
        follower.TryStartServing().Should().BeTrue();
        follower.TryStartLasting().Should().BeTrue("a follower's place was given back");
    }
}
