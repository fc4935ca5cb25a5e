namespace ProcMan.Processes;

/// <summary>
/// How a child ended, as waitid(2) tells it: it exited with a code, or a signal killed it. The two
/// are different facts (a shell's plain <c>exit 130</c> is not a death by SIGINT) and are kept apart.
/// </summary>
/// <param name="Code">As a shell reports it: the exit code, or 128 + N when signal N killed it (ProcMan's own exit code then).</param>
/// <param name="Signal">The signal that killed it; null when it exited.</param>
/// <param name="CoreDumped">Killed, and the kernel wrote a core dump.</param>
internal readonly record struct ExitStatus(int Code, UnixSignal? Signal = null, bool CoreDumped = false)
{
    public static ExitStatus Exited(int code) => new(code);

    public static ExitStatus KilledBy(UnixSignal signal, bool coreDumped = false) => new(128 + signal.Number, signal, coreDumped);

    public bool IsSuccess => Code == 0 && Signal is null;

    /// <summary>How it ended, for JSON: <c>exit</c> or <c>signal</c>.</summary>
    public string EndedBy => Signal is null ? "exit" : "signal";

    public override string ToString() =>
        Signal is { } signal ? $"killed by {signal}{(CoreDumped ? " (core dumped)" : "")}" : $"exited with code {Code}";
}
