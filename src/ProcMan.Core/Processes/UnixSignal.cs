namespace ProcMan.Processes;

/// <summary>A POSIX signal, by its Linux number, printed by its name.</summary>
public readonly record struct UnixSignal(int Number)
{
    public static readonly UnixSignal Hangup = new(1);
    public static readonly UnixSignal Interrupt = new(2);
    public static readonly UnixSignal Quit = new(3);
    public static readonly UnixSignal Kill = new(9);
    public static readonly UnixSignal Pipe = new(13);
    public static readonly UnixSignal Terminate = new(15);

    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    /// <summary>The signal a shell-style exit code above 128 stands for, if any.</summary>
    public static UnixSignal? FromShellCode(int code) =>
        code > 128 && code - 128 < Names.Length ? new UnixSignal(code - 128) : null;

    public override string ToString() =>
        Number > 0 && Number < Names.Length ? "SIG" + Names[Number] : $"signal {Number}";
}
