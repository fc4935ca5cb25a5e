using ProcMan.Processes;

namespace ProcMan.Output;

/// <summary>Why ProcMan could no longer write its output.</summary>
/// <param name="ReaderClosed">stdout's reader went away (<c>procman up | head -1</c>): an ordinary end, not an error to report.</param>
/// <param name="Message">What the operating system said.</param>
internal sealed record OutputFailure(bool ReaderClosed, string Message)
{
    /// <summary>The exit code: 141 (128 + SIGPIPE) as a shell reports a filter cut off by its reader; else 1.</summary>
    public int ExitCode => ReaderClosed ? ExitCodes.OutputReaderGone : ExitCodes.Failure;

    public static OutputFailure From(IOException exception) =>
        new(exception is ReaderGoneException, exception.Message);
}
