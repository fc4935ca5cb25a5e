using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Supervision.Probes;

namespace ProcMan.Supervision;

/// <param name="StopTimeout">How long a child's group has between SIGTERM and SIGKILL.</param>
/// <param name="PipeGracePeriod">
/// How long a child's pipes may stay open after it exited (a descendant that inherited them)
/// before ProcMan stops reading them.
/// </param>
/// <param name="MaxLineLength">How much of a line a pump holds; longer lines stream through in pieces (see <see cref="Output.LinePump"/>).</param>
internal sealed record SupervisorOptions(TimeSpan StopTimeout, TimeSpan PipeGracePeriod, int MaxLineLength)
{
    /// <summary>The longest timeout .NET timers accept (about 24 days); longer ones are refused as input.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(2_147_483);

    public static readonly SupervisorOptions Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), Output.LinePump.DefaultMaxLineLength);

    /// <summary>
    /// How long after a child's exit its pipes may stay open before the exit is acted on
    /// anyway, provided all it wrote is in the channel by then: a background job holding them
    /// must not delay the exit (nor change which end came first).
    /// </summary>
    public TimeSpan ExitReportGrace { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When the console is a terminal: how long a child's unfinished line (a prompt) waits before
    /// it is shown anyway (<see cref="Output.PartialLineWatch"/>); null, for files and pipes: never.
    /// </summary>
    public TimeSpan? PartialLineDelay { get; init; }

    /// <summary>The clock of every delay and duration: back-offs, stop timeouts, probes, run times (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Makes the check behind each probe's attempts (a scripted one in tests, where a real command's threads would race the fake clock).</summary>
    internal Func<ProbeCheck, ProcessSpec, IProcessLauncher, IProbeCheck> ProbeCheckFactory { get; init; } = ProbeChecks.Create;
}
