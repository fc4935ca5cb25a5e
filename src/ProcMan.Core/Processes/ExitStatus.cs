namespace ProcMan.Processes;

/// <summary>
/// How a child ended, as a shell exit code: the code itself, or 128 + N when signal N killed it.
/// </summary>
/// <remarks>
/// .NET reports a death by signal N as 128 + N, and so does <c>sh</c> for its own children, so
/// the two cannot be told apart; a code above 128 is therefore shown with the signal it stands for.
/// </remarks>
internal readonly record struct ExitStatus(int Code)
{
    /// <summary>The signal a code above 128 stands for.</summary>
    public UnixSignal? Signal => UnixSignal.FromShellCode(Code);

    public bool IsSuccess => Code == 0;

    public override string ToString() =>
        Signal is { } signal ? $"exited with code {Code} ({signal})" : $"exited with code {Code}";
}
