namespace ProcMan.Processes;

/// <summary>Starts child processes. The one seam between ProcMan and the operating system.</summary>
internal interface IProcessLauncher
{
    /// <summary>
    /// Starts <paramref name="spec"/> in a process group of its own, with all three standard
    /// streams redirected (stdin stays open and empty).
    /// </summary>
    /// <exception cref="ProcessStartException">The process could not be started.</exception>
    IChildProcess Start(IStartSpec spec);

    /// <summary>
    /// Runs <paramref name="spec"/> in the foreground: ProcMan's own stdin, stdout, stderr and
    /// process group (a terminal's Ctrl-C reaches it directly), with SIGTERM and SIGHUP sent to
    /// ProcMan passed on to it. Completes when it exits.
    /// </summary>
    /// <exception cref="ProcessStartException">The process could not be started.</exception>
    Task<ExitStatus> RunAttachedAsync(IStartSpec spec);

    /// <summary>
    /// The live processes that left the trees of the children started here (a double-forked
    /// daemon whose parent has ended), which ProcMan adopted: it stops them with the stack.
    /// </summary>
    IReadOnlyList<StrayProcess> FindStrays();

    /// <summary>Sends <paramref name="signal"/> to <paramref name="stray"/>, if it is still the process found.</summary>
    void Signal(StrayProcess stray, UnixSignal signal);
}
