namespace ProcMan.Supervision;

/// <summary>A state's name as users read it and the control socket sends it (<c>running</c>, <c>failed</c>).</summary>
internal static class ProcessStateText
{
    public static string ToText(this ProcessState state) => state switch
    {
        ProcessState.Waiting => "waiting",
        ProcessState.Running => "running",
        ProcessState.Ready => "ready",
        ProcessState.Restarting => "restarting",
        ProcessState.Stopping => "stopping",
        ProcessState.Completed => "completed",
        ProcessState.Failed => "failed",
        ProcessState.Skipped => "skipped",
        ProcessState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
