namespace ProcMan.Configuration;

/// <summary><c>availability.restart</c>.</summary>
internal enum RestartPolicy
{
    /// <summary><c>no</c> (the default): an exit is the process's end.</summary>
    No,

    /// <summary><c>on_failure</c>: restart after a code not in <c>success_exit_codes</c>, or a signal.</summary>
    OnFailure,

    /// <summary><c>always</c>: restart after any exit.</summary>
    Always,

    /// <summary>
    /// <c>exit_on_failure</c> (process-compose's): never restart, and a failure stops every
    /// process with the failing code, whichever dialect the file is in.
    /// </summary>
    ExitOnFailure,
}

/// <summary>What happens when the process exits: restarts, and whether its end stops everything.</summary>
/// <param name="Restart"><c>restart</c>.</param>
/// <param name="Backoff"><c>backoff_seconds</c> (1): the first delay before a restart; it doubles per consecutive failure, up to <see cref="MaxBackoff"/>, unless <see cref="BackoffGrows"/> is false.</param>
/// <param name="MaxRestarts"><c>max_restarts</c> (0 = unlimited).</param>
/// <param name="ExitOnEnd">
/// <c>exit_on_end</c>, resolved: true when the key is absent, except for a process another one
/// waits on with a <c>process_completed*</c> condition (a one-shot task such as a migration).
/// </param>
internal sealed record Availability(RestartPolicy Restart, TimeSpan Backoff, int MaxRestarts, bool ExitOnEnd)
{
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    public static readonly Availability Default = new(RestartPolicy.No, DefaultBackoff, 0, ExitOnEnd: true);

    /// <summary>
    /// <c>exit_on_skipped</c>: whether this process being skipped (a dependency that can never
    /// hold) stops everything with code 1. Absent, the dialect decides: yes for a ProcMan file
    /// (a skip is a failed end), no for a process-compose file, as process-compose has it.
    /// </summary>
    public bool ExitOnSkipped { get; init; } = true;

    /// <summary>
    /// Whether its failed end stops everything: always in a ProcMan file; in a process-compose file
    /// not for a process another one waits for with <c>process_completed</c> (unless its
    /// <c>exit_on_end</c> or <c>restart: exit_on_failure</c> says so): its dependants then run. The
    /// failure's code is still ProcMan's exit code.
    /// </summary>
    public bool FailureStopsAll { get; init; } = true;

    /// <summary>Whether the file wrote <c>exit_on_skipped</c>, so that the dialect's default does not replace it.</summary>
    public bool ExitOnSkippedWritten { get; init; }

    /// <summary>
    /// Whether the delay doubles per consecutive failure (ProcMan's, so a crash loop calms down)
    /// or stays <see cref="Backoff"/> each time (process-compose's).
    /// </summary>
    public bool BackoffGrows { get; init; } = true;

    /// <summary>
    /// Where <c>backoff_seconds: 0</c> is written, if it is: process-compose reads it as its
    /// 1-second minimum, while in a ProcMan file it is refused (doubling 0 is a tight loop).
    /// </summary>
    internal SourcePosition? ZeroBackoffAt { get; init; }
}
