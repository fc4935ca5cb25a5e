using System.Globalization;

namespace ProcMan.Processes;

/// <summary>A POSIX signal, by its Linux number, printed by its name.</summary>
internal readonly record struct UnixSignal(int Number)
{
    public static readonly UnixSignal Hangup = new(1);
    public static readonly UnixSignal Interrupt = new(2);
    public static readonly UnixSignal Quit = new(3);
    public static readonly UnixSignal Kill = new(9);
    public static readonly UnixSignal Pipe = new(13);
    public static readonly UnixSignal Terminate = new(15);
    public static readonly UnixSignal Child = new(17);

    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    /// <summary>The signal a shell-style exit code above 128 stands for, if any.</summary>
    public static UnixSignal? FromShellCode(int code) =>
        code > 128 && code - 128 < Names.Length ? new UnixSignal(code - 128) : null;

    /// <summary>Linux's highest signal number (SIGRTMAX).</summary>
    public const int MaxNumber = 64;

    /// <summary>The names <see cref="TryParse"/> knows, without the <c>SIG</c> prefix, for suggestions.</summary>
    public static IEnumerable<string> KnownNames => Names.Skip(1);

    /// <summary>
    /// Reads <c>TERM</c>, <c>SIGTERM</c> or <c>15</c> (any case): the forms people write in
    /// configuration files and <c>kill</c> commands. Numbers go up to <see cref="MaxNumber"/>.
    /// </summary>
    public static bool TryParse(string? text, out UnixSignal signal)
    {
        signal = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number is <= 0 or > MaxNumber)
            {
                return false;
            }

            signal = new UnixSignal(number);
            return true;
        }

        var name = trimmed.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? trimmed[3..] : trimmed;
        var index = Array.FindIndex(Names, 1, candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        signal = new UnixSignal(index);
        return true;
    }

    public override string ToString() =>
        Number > 0 && Number < Names.Length ? "SIG" + Names[Number] : $"signal {Number}";
}
