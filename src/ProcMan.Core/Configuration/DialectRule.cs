namespace ProcMan.Configuration;

/// <summary>
/// The one rule that says which dialect a file is in when the command line does not say:
/// its name. A file process-compose would discover (<c>process-compose.yml</c>,
/// <c>compose.yaml</c>, their override files) is process-compose's; every other file is ProcMan's.
/// </summary>
internal static class DialectRule
{
    private static readonly string[] ProcessComposeNames =
    [
        "compose.yml", "compose.yaml", "process-compose.yml", "process-compose.yaml",
        "compose.override.yml", "compose.override.yaml", "process-compose.override.yml", "process-compose.override.yaml",
    ];

    /// <summary>The dialect of <paramref name="path"/> by its file name alone.</summary>
    public static ConfigurationDialect ByName(string path) =>
        ProcessComposeNames.Contains(Path.GetFileName(path), StringComparer.Ordinal)
            ? ConfigurationDialect.ProcessCompose
            : ConfigurationDialect.ProcMan;

    /// <summary>The value <c>--dialect</c> takes for <paramref name="dialect"/>.</summary>
    public static string Word(ConfigurationDialect dialect) => dialect switch
    {
        ConfigurationDialect.ProcessCompose => "process-compose",
        _ => "procman",
    };

    /// <summary>The dialect <c>--dialect</c> names, or null for a word that names none.</summary>
    public static ConfigurationDialect? Parse(string word) => word switch
    {
        "process-compose" => ConfigurationDialect.ProcessCompose,
        "procman" => ConfigurationDialect.ProcMan,
        _ => null,
    };
}
