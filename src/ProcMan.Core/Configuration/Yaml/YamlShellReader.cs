namespace ProcMan.Configuration;

/// <summary>Reads the top-level <c>shell</c>: <c>shell_command</c> and <c>shell_argument</c>.</summary>
internal static class YamlShellReader
{
    private const string Key = "shell";

    /// <summary>The shell as written, or null when the key is absent (the dialect's default applies).</summary>
    public static ShellSettings? Read(YamlMappingReader top)
    {
        if (top.Mapping(Key) is not { } shell)
        {
            return null;
        }

        var program = shell.String("shell_command");
        var argument = shell.String("shell_argument");

        // Known so that a process-compose file loads; they only matter with `is_elevated`, which ProcMan does not run.
        _ = shell.String("elevated_shell_command");
        _ = shell.String("elevated_shell_argument");
        shell.ReportUnknownKeys(KeySection.Shell);

        if (program is not null && string.IsNullOrWhiteSpace(program))
        {
            shell.Report(shell.PositionOfValue("shell_command")!, $"`shell_command` {shell.Owner} is empty");
        }

        return new ShellSettings(
            string.IsNullOrWhiteSpace(program) ? ShellSettings.Default.Program : program,
            argument ?? ShellSettings.Default.Argument);
    }
}
