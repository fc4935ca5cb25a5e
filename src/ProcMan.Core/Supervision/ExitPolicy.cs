namespace ProcMan.Supervision;

/// <summary>
/// Decides ProcMan's exit code from what happened, in the order of the README's table: the
/// first failed end, else the end that stopped everything, else the stop signal's code, else 0
/// (every process completed on its own).
/// </summary>
internal sealed class ExitPolicy
{
    /// <summary>The code for a process skipped because a dependency could never hold.</summary>
    public const int SkippedCode = ExitCodes.Failure;

    private int? _firstFailure;
    private int? _stoppingEnd;
    private int? _stopRequest;

    public void Failed(int code) => _firstFailure ??= code;

    public void EndedAndStoppedEverything(int code) => _stoppingEnd ??= code;

    /// <summary>A stop from outside (a signal) counts only when no end came first.</summary>
    public void StopRequested(int code)
    {
        if (_firstFailure is null && _stoppingEnd is null)
            _stopRequest ??= code;
    }

    public int ExitCode => _firstFailure ?? _stoppingEnd ?? _stopRequest ?? 0;
}
