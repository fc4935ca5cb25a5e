using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// A probe that cannot be run as configured (its port does not resolve for this instance): its
/// first attempt fails with the reason and the probe ends, as one whose command cannot start.
/// </summary>
internal sealed class FailingCheck(string problem) : IProbeCheck
{
    public Task<ProbeResult> RunAsync(CancellationToken deadline) => Task.FromException<ProbeResult>(new ProcessStartException(problem));

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, problem);
}
