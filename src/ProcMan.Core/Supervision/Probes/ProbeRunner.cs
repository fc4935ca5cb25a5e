using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// Runs a probe for one run of a process: after the initial delay, one attempt per period;
/// reports a verdict when the success or failure threshold is reached and the verdict changes.
/// </summary>
internal static class ProbeRunner
{
    /// <summary>Runs until <paramref name="end"/> is cancelled; never throws.</summary>
    public static async Task RunAsync(Probe probe, ProcessSpec process, IProcessLauncher launcher, TimeProvider time, Action<ProbeResult> onVerdict, CancellationToken end)
    {
        IProbeCheck check = probe.Check switch
        {
            ExecProbeCheck exec => new ExecCheck(exec, process, launcher),
            HttpProbeCheck http => new HttpCheck(http),
            _ => throw new NotSupportedException(probe.Check.GetType().Name),
        };
        try
        {
            await Task.Delay(probe.InitialDelay, time, end).ConfigureAwait(false);
            int successes = 0, failures = 0;
            bool? verdict = null;
            while (true)
            {
                var result = await check.RunAsync(probe.Timeout, end).ConfigureAwait(false);
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
}
