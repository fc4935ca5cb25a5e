namespace ProcMan.Processes;

/// <summary>A child could not be started (missing program, no permission, ...).</summary>
internal sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The shell's code for a command that cannot be run, used as such a process's exit code.</summary>
    public const int ExitCode = ExitCodes.StartFailed;
}
