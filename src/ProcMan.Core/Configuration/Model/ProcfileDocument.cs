namespace ProcMan.Configuration;

/// <summary>A configuration file as written, validated but not yet expanded into instances.</summary>
/// <param name="File">The file as the user named it (used in messages).</param>
/// <param name="Directory">The file's absolute directory, which relative paths start from.</param>
/// <param name="Format">Which syntax the file was read with.</param>
/// <param name="Version">The optional top-level <c>version</c>.</param>
/// <param name="EnvFiles">
/// The top-level <c>env_file</c> entries, or null when the key is absent (then the default
/// <c>.env</c> applies); an explicit empty list means "no env file".
/// </param>
/// <param name="Environment">The top-level <c>environment</c> entries, in file order.</param>
/// <param name="Processes">Every process, in file order, including disabled ones.</param>
internal sealed record ProcfileDocument(
    string File,
    string Directory,
    ProcfileFormat Format,
    string? Version,
    IReadOnlyList<EnvFileReference>? EnvFiles,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyList<ProcessDefinition> Processes)
{
    /// <summary>Whose defaults the file is read with (see <see cref="DialectRule"/>).</summary>
    public ConfigurationDialect Dialect { get; init; } = ConfigurationDialect.ProcMan;

    /// <summary>Top-level <c>shutdown_timeout_seconds</c>: overrides the command line's <c>--timeout</c>.</summary>
    public TimeSpan? ShutdownTimeout { get; init; }

    /// <summary>Top-level <c>log_location</c> (absolute): a file that gets every line, ProcMan's included.</summary>
    public string? LogLocation { get; init; }

    /// <summary>Top-level <c>log_configuration</c>: how the top-level <c>log_location</c> file is written.</summary>
    public LogSettings LogSettings { get; init; } = LogSettings.Default;

    /// <summary>Top-level <c>shell</c> as written, or null when absent (then the dialect's default applies).</summary>
    public ShellSettings? Shell { get; init; }

    /// <summary>Top-level <c>is_dotenv_disabled</c>: the default <c>.env</c> is not read (named env files still are).</summary>
    public bool DotEnvDisabled { get; init; }

    /// <summary>Top-level <c>log_level</c>, or null when absent (then <c>info</c>).</summary>
    public EventLevel? EventLevel { get; init; }

    /// <summary>
    /// Every file merged into this one, in merge order (an <c>extends</c> base before the file
    /// extending it, <c>-f</c> files in their order, an override file last); one file when none is merged.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Top-level <c>env_cmds</c> as written: each variable's name with its command as the value.</summary>
    public IReadOnlyList<EnvironmentVariable> EnvCommands { get; init; } = [];

    /// <summary>What the <c>env_cmds</c> gave, once run (empty when they were not run).</summary>
    public IReadOnlyList<EnvironmentVariable> EnvCommandValues { get; init; } = [];

    /// <summary>Top-level <c>log_length</c>: recent lines kept per process for <c>procman logs</c>, or null for the default.</summary>
    public int? LogLength { get; init; }
}
