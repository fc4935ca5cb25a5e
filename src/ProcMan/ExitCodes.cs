namespace ProcMan.Cli;

internal static class ExitCodes
{
    /// <summary>A control command failed: no instance runs, or it refused (unknown name, timeout, ...).</summary>
    public const int Failure = 1;

    /// <summary>A bad command line or configuration: nothing was started.</summary>
    public const int UsageError = 2;

    /// <summary>Something ProcMan did not foresee.</summary>
    public const int InternalError = 70; // EX_SOFTWARE
}
