namespace ProcMan.Configuration;

/// <summary>What load-time expansion needs to know before the file is read.</summary>
/// <param name="Dialect">
/// process-compose's dialect expands every value of the file; ProcMan's only the typed ones
/// (numbers, booleans, choices), leaving strings to the shell at run time.
/// </param>
/// <param name="Inherited">ProcMan's own environment.</param>
/// <param name="EnvFiles"><c>--env-file</c>, or null for the default <c>.env</c>.</param>
/// <param name="NoEnvFile"><c>--no-env-file</c>: the default <c>.env</c> is not read.</param>
internal sealed record ExpansionContext(
    ConfigurationDialect Dialect,
    IReadOnlyDictionary<string, string> Inherited,
    IReadOnlyList<string>? EnvFiles,
    bool NoEnvFile);
