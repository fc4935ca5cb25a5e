namespace ProcMan.Configuration;

/// <summary>What a dependent waits for (process-compose's names, in snake_case in the file).</summary>
internal enum DependencyCondition
{
    /// <summary><c>process_started</c>, the default: the target has been started.</summary>
    ProcessStarted,

    /// <summary><c>process_healthy</c>: the target's readiness probe passed, or it printed its <c>ready_log_line</c>.</summary>
    ProcessHealthy,

    /// <summary><c>process_log_ready</c>: the target printed its <c>ready_log_line</c>.</summary>
    ProcessLogReady,

    /// <summary><c>process_completed</c>: the target ended, whatever its code.</summary>
    ProcessCompleted,

    /// <summary><c>process_completed_successfully</c>: the target ended with a success code.</summary>
    ProcessCompletedSuccessfully,
}
