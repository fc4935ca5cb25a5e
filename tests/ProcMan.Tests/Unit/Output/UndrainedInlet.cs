using ProcMan.Output;

namespace ProcMan.Tests.Unit.Output;

/// <summary>An inlet whose chunks stay in the channel for the test to read: nobody takes the drain's role.</summary>
internal static class UndrainedInlet
{
    public static OutputInlet For(OutputChannel channel) => new(channel, new DrainRole(channel, writeAvailable: _ => false));
}
