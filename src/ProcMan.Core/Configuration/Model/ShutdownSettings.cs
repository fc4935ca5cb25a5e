using ProcMan.Processes;

namespace ProcMan.Configuration;

/// <summary>How one process is stopped.</summary>
/// <param name="Signal"><c>signal</c> (a name like TERM, INT, QUIT, or a number; default TERM), sent to the process's group.</param>
/// <param name="Timeout"><c>timeout_seconds</c>; null means the top-level <c>shutdown_timeout_seconds</c>, else the command line's <c>--timeout</c>.</param>
/// <param name="Command">
/// <c>command</c>: run (with <c>/bin/sh -c</c> and the process's environment) instead of sending
/// the signal; the process is still SIGKILLed after the timeout.
/// </param>
internal sealed record ShutdownSettings(UnixSignal Signal, TimeSpan? Timeout, string? Command)
{
    /// <summary>
    /// <c>parent_only</c>: the signal goes to the process alone, not its group. Whatever of the group
    /// outlives it gets the signal once it has exited, and SIGKILL after the timeout, as always.
    /// </summary>
    public bool ParentOnly { get; init; }

    public static readonly ShutdownSettings Default = new(UnixSignal.Terminate, null, null);
}
