namespace ProcMan.Configuration;

/// <summary>
/// Top-level <c>shell</c>: the program a <c>command</c> line is handed to, and the argument
/// that comes before the line (<c>shell_command</c>, <c>shell_argument</c>).
/// </summary>
/// <param name="Program">The shell: a path, or a name searched on the process's PATH.</param>
/// <param name="Argument">What tells the shell that the next argument is the command line.</param>
internal sealed record ShellSettings(string Program, string Argument)
{
    /// <summary>ProcMan's default: the POSIX shell every system has.</summary>
    public static ShellSettings Default { get; } = new(Processes.ShellCommand.Shell, "-c");

    /// <summary>
    /// process-compose's default on Linux: <c>bash -c</c> when bash is on PATH, else <c>sh -c</c>,
    /// so a file written for process-compose keeps its bash-only syntax working.
    /// </summary>
    public static ShellSettings ProcessComposeDefault(string? path) =>
        IsOnPath("bash", path) ? new("bash", "-c") : new("sh", "-c");

    /// <summary>The argv that runs <paramref name="command"/> through this shell.</summary>
    public IReadOnlyList<string> Arguments(string command) => [Program, Argument, command];

    private static bool IsOnPath(string program, string? path) =>
        (path ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
