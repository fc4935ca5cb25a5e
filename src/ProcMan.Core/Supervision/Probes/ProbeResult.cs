namespace ProcMan.Supervision.Probes;

/// <summary>The outcome of one probe attempt.</summary>
/// <param name="Summary">What to show when the probe changes its verdict: an HTTP status, an exit code and the last line of output.</param>
internal sealed record ProbeResult(bool Success, string Summary);
