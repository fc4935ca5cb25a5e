using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// Runs a probe for one run of a process: after the initial delay, one attempt per period
/// (counted from the end of the previous attempt), each cut off at the probe's timeout; reports a
/// verdict when the success or failure threshold is reached and the verdict changes. Every wait
/// is on the supervisor's clock.
/// </summary>
internal static class ProbeRunner
{
    /// <summary>Runs until <paramref name="end"/> is cancelled; never throws.</summary>
    public static async Task RunAsync(Probe probe, IProbeCheck check, TimeProvider time, Action<ProbeResult> onVerdict, CancellationToken end)
    {
        try
        {
            await Task.Delay(probe.InitialDelay, time, end).ConfigureAwait(false);
            int successes = 0, failures = 0;
            bool? verdict = null;
            while (true)
            {
                var result = await AttemptAsync(probe, check, time, end).ConfigureAwait(false);
                (successes, failures) = result.Success ? (successes + 1, 0) : (0, failures + 1);
                var reached = result.Success ? successes >= probe.SuccessThreshold : failures >= probe.FailureThreshold;
                if (reached && verdict != result.Success)
                {
                    verdict = result.Success;
                    onVerdict(result);
                }
                await Task.Delay(probe.Period, time, end).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (ProcessStartException exception)
        {
            onVerdict(new ProbeResult(false, exception.Message));
        }
    }

    private static async Task<ProbeResult> AttemptAsync(Probe probe, IProbeCheck check, TimeProvider time, CancellationToken end)
    {
        using var timeout = new CancellationTokenSource(probe.Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(end, timeout.Token);
        try
        {
            return await check.RunAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!end.IsCancellationRequested)
        {
            return check.TimedOut(probe.Timeout);
        }
    }
}
