using System.CommandLine;
using ProcMan.Configuration;
using ProcMan.Processes.Linux;

namespace ProcMan.Cli.Commands;

/// <summary>The options every command that reads the configuration shares: which file, env files, formation, ports.</summary>
internal sealed class ConfigurationOptions
{
    /// <summary>Said in help texts: the file is discovered, <see cref="ConfigurationDiscovery"/>.</summary>
    public const string DefaultFile = "procfile.yml, process-compose.yml, compose.yml with processes:, Procfile, ...";

    public Option<string[]> File { get; } = new("--file", "-f")
    {
        Description = $"The configuration file: YAML (.yml, .yaml) or a classic Procfile; repeatable: each YAML file merged over the ones before [default: {DefaultFile}, with its override file]",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Namespaces { get; } = new("--namespace", "-n")
    {
        Description = "Start only the processes of this namespace (repeatable), with what they depend on",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> EnvFiles { get; } = new("--env-file", "-e")
    {
        Description = "Read this .env file instead of the default .env beside the configuration file (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoEnvFile { get; } = new("--no-env-file") { Description = "Do not read the default .env file" };

    public Option<string?> Formation { get; } = new("--formation", "-m")
    {
        Description = "How many copies of each process to run, overriding replicas: web=2,worker=0 or all=N",
    };

    public Option<int?> Port { get; } = new("--port", "-p")
    {
        Description = "The first PORT; each process gets 100 more, each replica one more [default: PORT from the env files, else 5000]",
    };

    public Option<string?> Dialect { get; } = CreateDialect();

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(EnvFiles);
        command.Options.Add(NoEnvFile);
        command.Options.Add(Formation);
        command.Options.Add(Port);
        command.Options.Add(Dialect);
        command.Options.Add(Namespaces);
    }

    /// <summary>Whether <c>-f</c> names at least one file.</summary>
    public bool NamesFile(ParseResult parse) => parse.GetValue(File) is { Length: > 0 };

    /// <summary>Loads the configuration the options name; on an error prints it and returns null.</summary>
    /// <param name="runEnvCommands">Run the file's <c>env_cmds</c> (for what starts processes; never for <c>check</c>).</param>
    public LoadedConfiguration? Load(ParseResult parse, string? positionalFile = null, IReadOnlyList<string>? selectedNames = null, bool runEnvCommands = false)
    {
        IReadOnlyList<string>? named = parse.GetValue(File) is { Length: > 0 } files ? files
            : positionalFile is not null ? [positionalFile]
            : null;
        using var envCommandLauncher = runEnvCommands ? new LinuxProcessLauncher() : null;
        return ConfigurationErrors.Catch(() => ProcfileLoader.Load(named ?? ConfigurationDiscovery.FindWithOverride(), new LoadOptions
        {
            EnvCommands = envCommandLauncher is null ? null : new EnvCommandRunner(envCommandLauncher),
            EnvFiles = parse.GetValue(EnvFiles) is { Length: > 0 } envFiles ? envFiles : null,
            NoEnvFile = parse.GetValue(NoEnvFile),
            Formation = parse.GetValue(Formation) is { } formation ? Configuration.Formation.Parse(formation) : null,
            BasePort = parse.GetValue(Port),
            SelectedNames = selectedNames ?? [],
            SelectedNamespaces = parse.GetValue(Namespaces) ?? [],
            Dialect = parse.GetValue(Dialect) is { } dialect ? DialectRule.Parse(dialect) : null,
        }));
    }

    private static Option<string?> CreateDialect()
    {
        var option = new Option<string?>("--dialect")
        {
            Description = "Whose defaults to read a YAML file with [default: process-compose for the names process-compose discovers, else procman]",
            HelpName = "process-compose|procman",
        };
        option.AcceptOnlyFromAmong("process-compose", "procman");
        return option;
    }

    /// <summary>
    /// Whether a positional argument of <c>up</c> or <c>check</c> names the file rather than a
    /// process: it exists as a file, or has a YAML extension.
    /// </summary>
    public static bool LooksLikeFile(string argument) =>
        System.IO.File.Exists(argument)
        || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
}
