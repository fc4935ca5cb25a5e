namespace ProcMan.Processes;

/// <summary>The one place a command line becomes an argv for the shell: <c>/bin/sh -c COMMAND</c>.</summary>
internal static class ShellCommand
{
    public const string Shell = "/bin/sh";

    /// <summary>The argv that runs <paramref name="command"/> through the shell, with <paramref name="extra"/> as $0, $1, ...</summary>
    public static IReadOnlyList<string> Arguments(string command, params IEnumerable<string> extra) => [Shell, "-c", command, .. extra];
}
