namespace ProcMan.Cli;

internal static class ExitCodes
{
    /// <summary>A bad command line or configuration: nothing was started.</summary>
    public const int UsageError = 2;

    /// <summary>Something ProcMan did not foresee.</summary>
    public const int InternalError = 70; // EX_SOFTWARE
}
