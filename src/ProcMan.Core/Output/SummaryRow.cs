using ProcMan.Supervision;

namespace ProcMan.Output;

/// <summary>One process instance in the exit summary: how it ended and what it wrote.</summary>
/// <param name="Name">The instance name (<c>web</c>, <c>web.2</c>).</param>
/// <param name="Pid">Of its last run; null if it never started.</param>
/// <param name="State">completed, failed, skipped or stopped (the supervisor's state, lower case).</param>
/// <param name="ExitCode">Of its last run, as a shell reports it (128 + N for signal N); null if it never exited.</param>
/// <param name="Signal">The signal that ended its last run (SIGTERM), if one did.</param>
/// <param name="Restarts">Restarts, for whatever reason.</param>
/// <param name="RunTime">The total time its runs ran.</param>
/// <param name="Lines">Lines it wrote, over all runs, both streams.</param>
/// <param name="Bytes">Bytes of those lines, newlines included.</param>
public sealed record SummaryRow(
    string Name,
    int? Pid,
    string State,
    int? ExitCode,
    string? Signal,
    int Restarts,
    TimeSpan RunTime,
    long Lines,
    long Bytes)
{
    /// <summary>Failed: its last lines are worth showing again (GitHub Actions group).</summary>
    public bool Failed => State == "failed";

    public static SummaryRow From(InstanceSnapshot snapshot) => new(
        snapshot.Name,
        snapshot.Pid,
        snapshot.State.ToText(),
        snapshot.ExitCode,
        snapshot.Signal?.ToString(),
        snapshot.Restarts,
        snapshot.RunTime,
        snapshot.Lines,
        snapshot.Bytes);
}
