namespace ProcMan;

/// <summary>
/// Every exit code ProcMan itself chooses, in one place (README, "Exit codes"). A process's own
/// code, or 128 + N when signal N ended it, is passed on as the shell reports it.
/// </summary>
/// <remarks>
/// At the root, in no folder: processes, output and supervision each name their codes from
/// here, and reporting renders them all; in Reporting it made every layer depend on the top one.
/// </remarks>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A process failed without a code of its own to pass on (it was skipped), or a control command failed.</summary>
    public const int Failure = 1;

    /// <summary>A bad command line or configuration: nothing was started.</summary>
    public const int UsageError = 2;

    /// <summary>Something ProcMan did not foresee (EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>A process could not be started (unknown executable, EMFILE, E2BIG), as a shell says for a command not found.</summary>
    public const int StartFailed = 127;

    /// <summary>The reader of ProcMan's output went away (<c>procman up | head</c>): 128 + SIGPIPE, as for any filter it cut off.</summary>
    public const int OutputReaderGone = 141;

    /// <summary>A child whose exit status could not be read (something else reaped it).</summary>
    public const int UnknownExit = 255;
}
