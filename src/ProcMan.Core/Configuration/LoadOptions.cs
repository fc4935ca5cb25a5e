using System.Collections;

namespace ProcMan.Configuration;

/// <summary>What the command line adds to the configuration file.</summary>
internal sealed record LoadOptions
{
    /// <summary>The environment children inherit; defaults to this process's environment.</summary>
    public IReadOnlyDictionary<string, string> InheritedEnvironment { get; init; } = CurrentEnvironment();

    /// <summary>
    /// Env files named with <c>--env-file</c> (relative to the current directory). When set they
    /// replace the default <c>.env</c>; they are read after any top-level <c>env_file</c> of the
    /// configuration, so they override it. Null means "the default behaviour".
    /// </summary>
    public IReadOnlyList<string>? EnvFiles { get; init; }

    /// <summary>
    /// Do not read the default <c>.env</c>. Files named explicitly (top-level <c>env_file</c>,
    /// <see cref="EnvFiles"/>) are still read: the user asked for them by name.
    /// </summary>
    public bool NoEnvFile { get; init; }

    /// <summary>Replica counts that override the file's <c>replicas</c>; see <see cref="Configuration.Formation.Parse(string)"/>.</summary>
    public Formation? Formation { get; init; }

    /// <summary>The first port; otherwise <c>PORT</c> from the top-level env files, otherwise 5000.</summary>
    public int? BasePort { get; init; }

    /// <summary><c>--dialect</c>: whose defaults to read the file with; null means "by its name".</summary>
    public ConfigurationDialect? Dialect { get; init; }

    /// <summary><c>--namespace</c>: start the processes of these namespaces too (with what they depend on).</summary>
    public IReadOnlyList<string> SelectedNamespaces { get; init; } = [];

    /// <summary>
    /// Runs the top-level <c>env_cmds</c>; null leaves them unrun (<c>check</c> runs no command), so
    /// their variables are then absent.
    /// </summary>
    public EnvCommandRunner? EnvCommands { get; init; }

    /// <summary>The processes to start (with all their replicas); empty means all of them.</summary>
    public IReadOnlyList<string> SelectedNames { get; init; } = [];

    private static Dictionary<string, string> CurrentEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return variables;
    }
}
