namespace ProcMan.Supervision.Probes;

/// <summary>One attempt of a probe.</summary>
internal interface IProbeCheck
{
    /// <summary>Runs the check once; an attempt that takes longer than <paramref name="timeout"/> fails.</summary>
    Task<ProbeResult> RunAsync(TimeSpan timeout, CancellationToken cancellation);
}

/// <param name="Summary">What to show when the probe changes its verdict: an HTTP status, an exit code and the last line of output.</param>
internal sealed record ProbeResult(bool Success, string Summary);
