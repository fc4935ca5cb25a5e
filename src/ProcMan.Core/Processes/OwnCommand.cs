namespace ProcMan.Processes;

/// <summary>The command line that starts this ProcMan again: for the guardian, for <c>up --detach</c>.</summary>
internal static class OwnCommand
{
    /// <summary>
    /// The executable and what must precede ProcMan's own arguments: under <c>dotnet procman.dll</c>
    /// the executable is the host, which needs the assembly. Null when the runtime cannot say.
    /// </summary>
    public static string[]? Prefix() =>
        Environment.ProcessPath is not { } executable ? null
        : Path.GetFileNameWithoutExtension(executable) == "dotnet" ? [executable, Environment.GetCommandLineArgs()[0]]
        : [executable];
}
