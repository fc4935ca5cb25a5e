namespace ProcMan.Supervision.Probes;

/// <summary>One attempt of a probe: the seam between the probe's schedule and what it checks.</summary>
internal interface IProbeCheck
{
    /// <summary>
    /// Runs the check once. <paramref name="deadline"/> is cancelled when the attempt's time is
    /// up or the run is over; the check then ends promptly with an
    /// <see cref="OperationCanceledException"/>, once what it started is cleaned up.
    /// </summary>
    Task<ProbeResult> RunAsync(CancellationToken deadline);

    /// <summary>The verdict on an attempt that took longer than <paramref name="timeout"/>.</summary>
    ProbeResult TimedOut(TimeSpan timeout);
}
