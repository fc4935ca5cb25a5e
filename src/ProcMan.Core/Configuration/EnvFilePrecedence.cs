namespace ProcMan.Configuration;

/// <summary>
/// Whether a variable from a top-level env file applies over ProcMan's own environment. In
/// ProcMan's dialect it does; process-compose loads <c>.env</c> with godotenv, which never
/// overrides a variable already set, so in its dialect the inherited value wins. Load-time
/// expansion and the processes' environments follow the same rule.
/// </summary>
internal static class EnvFilePrecedence
{
    public static bool Applies(ConfigurationDialect dialect, IReadOnlyDictionary<string, string> inherited, string name) =>
        dialect != ConfigurationDialect.ProcessCompose || !inherited.ContainsKey(name);
}
