namespace ProcMan.Output;

/// <summary>
/// The kinds of ProcMan event that <c>--output json</c> names in its <c>event</c> field: a small,
/// stable set that scripts can rely on. Attach one with <c>log.ForContext(LogEvents.Property, LogEvents.Started)</c>.
/// </summary>
internal static class LogEvents
{
    /// <summary>The Serilog property that carries the kind.</summary>
    public const string Property = "Event";

    public const string Waiting = "waiting";
    public const string Started = "started";
    public const string StartFailed = "start_failed";
    public const string Ready = "ready";
    public const string NotReady = "not_ready";
    public const string Unhealthy = "unhealthy";
    public const string Exited = "exited";
    public const string Launched = "launched";
    public const string StillLaunching = "still_launching";
    public const string DaemonStopped = "daemon_stopped";
    public const string Restarting = "restarting";
    public const string Completed = "completed";
    public const string Skipped = "skipped";
    public const string Stopping = "stopping";
    public const string SignalSent = "signal_sent";
    public const string ShutdownCommand = "shutdown_command";
    public const string Killed = "killed";
    public const string StrayStopped = "stray_stopped";

    /// <summary>Not a log event: the one object of the exit summary.</summary>
    public const string Summary = "summary";
}
