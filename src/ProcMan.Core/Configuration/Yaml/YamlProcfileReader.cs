using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Reads a <c>procman.yaml</c> through YamlDotNet's representation model, which keeps every
/// node's position so that each error names its line and column.
/// </summary>
internal static class YamlProcfileReader
{
    private const string TopLevel = "at the top level";

    /// <summary>The document, or null when the file is too broken to say what it declares.</summary>
    /// <param name="expansion">How to expand <c>$VAR</c> in values; null leaves every value as written.</param>
    public static ProcfileDocument? Read(string text, string file, string directory, ErrorCollector errors, ExpansionContext? expansion = null)
    {
        if (Parse(text, file, errors) is not { } rootMapping)
        {
            return null;
        }

        if (expansion is not null)
        {
            LoadTimeExpansion.Apply(rootMapping, expansion, file, errors);
            TemplateRendering.Apply(rootMapping, expansion.Dialect, file, errors);
        }

        return Read(rootMapping, file, directory, errors);
    }

    /// <summary>
    /// The file's top-level mapping, checked alone for syntax and duplicate keys, or null when it
    /// has none (reported). <paramref name="emptyAllowed"/>: an empty file is an empty mapping
    /// (a file merged over another may have nothing to add).
    /// </summary>
    public static YamlMappingNode? Parse(string text, string file, ErrorCollector errors, bool emptyAllowed = false)
    {
        if (!YamlDuplicateKeyScanner.Scan(text, file, errors))
        {
            return null;
        }

        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            // The scan above catches syntax errors; this is a safety net for whatever it misses.
            errors.Add(YamlDuplicateKeyScanner.SyntaxErrorPosition(text, file, exception), $"invalid YAML: {exception.Message}{YamlHints.ForSyntaxError(text, exception)}");
            return null;
        }
        catch (Exception exception) when (YamlDuplicateKeyScanner.IsParserFailure(exception))
        {
            errors.Add(YamlDuplicateKeyScanner.At(file, parser.Last), $"invalid YAML: {exception.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || YamlMappingReader.IsNull(stream.Documents[0].RootNode))
        {
            if (emptyAllowed)
            {
                return new YamlMappingNode();
            }

            errors.Add(file, "the file is empty: expected a `processes` mapping");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(
                YamlMappingReader.PositionOf(file, stream.Documents[1].RootNode),
                "expected a single YAML document, found another one here");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode rootMapping)
        {
            errors.Add(
                YamlMappingReader.PositionOf(file, root),
                $"expected a mapping {TopLevel} (with `processes`), got {YamlMappingReader.Describe(root)}");
            return null;
        }

        return rootMapping;
    }

    /// <summary>
    /// Reads a top-level mapping, expanded and merged already, into the document. Relative paths
    /// start from <paramref name="directory"/>; <paramref name="file"/> names the values that came
    /// from no file in particular.
    /// </summary>
    public static ProcfileDocument Read(
        YamlMappingNode rootMapping, string file, string directory, ErrorCollector errors,
        IReadOnlyDictionary<YamlMappingNode, ReplicaTemplates>? replicaTemplates = null)
    {
        var top = new YamlMappingReader(rootMapping, file, TopLevel, errors);
        top.Boolean(LoadTimeExpansion.DisableKey);
        _ = top.Node(TemplateRendering.VarsKey);
        _ = top.Node(ConfigurationFileSet.ExtendsKey);
        var dotEnvDisabled = top.Boolean(LoadTimeExpansion.DotEnvDisabledKey) ?? false;
        var version = top.String("version");
        var environment = top.Environment("environment") ?? [];
        var envFiles = EnvFiles(top, file);
        var processes = Processes(top, rootMapping, file, directory, errors, replicaTemplates ?? new Dictionary<YamlMappingNode, ReplicaTemplates>());
        var shutdownTimeout = top.Seconds("shutdown_timeout_seconds", zeroAllowed: true);
        var logLocation = LogLocation(top, directory);
        var logSettings = YamlLogConfigurationReader.Read(top);
        var shell = YamlShellReader.Read(top);
        var eventLevel = YamlEventLevelReader.Read(top);
        var logLength = top.Integer("log_length", minimum: 1, maximum: ConfigurationLimits.MaximumLogLength);
        var envCommands = EnvCommands(top);
        top.ReportUnknownKeys(KeySection.TopLevel);

        return new ProcfileDocument(file, directory, ProcfileFormat.Yaml, version, envFiles, environment, processes)
        {
            ShutdownTimeout = shutdownTimeout,
            LogLocation = logLocation,
            LogSettings = logSettings ?? LogSettings.Default,
            Shell = shell,
            EventLevel = eventLevel,
            LogLength = logLength,
            DotEnvDisabled = dotEnvDisabled,
            EnvCommands = envCommands,
        };
    }

    /// <summary><c>env_cmds</c>: a mapping of variable names to the commands whose output they get.</summary>
    private static IReadOnlyList<EnvironmentVariable> EnvCommands(YamlMappingReader top)
    {
        switch (top.Node("env_cmds"))
        {
            case null:
                return [];
            case YamlMappingNode:
                var commands = top.Environment("env_cmds") ?? [];
                foreach (var empty in commands.Where(c => string.IsNullOrWhiteSpace(c.Value) && c.At is not null))
                {
                    top.Report(empty.At!, $"`env_cmds.{empty.Name}` {TopLevel} is empty: give the command whose output is the value");
                }

                return [.. commands.Where(c => !string.IsNullOrWhiteSpace(c.Value))];
            case var other:
                top.TypeError(other, "env_cmds", "a mapping of variable names to commands", "");
                return [];
        }
    }

    private static List<ProcessDefinition> Processes(
        YamlMappingReader top, YamlMappingNode root, string file, string directory, ErrorCollector errors,
        IReadOnlyDictionary<YamlMappingNode, ReplicaTemplates> replicaTemplates)
    {
        var processes = new List<ProcessDefinition>();
        switch (top.Node("processes"))
        {
            case null:
                errors.Add(top.PositionOf(root), $"missing `processes` {TopLevel}: declare at least one process");
                break;
            case YamlMappingNode { Children.Count: 0 } empty:
                errors.Add(top.PositionOf(empty), "`processes` is empty: declare at least one process");
                break;
            case YamlMappingNode { Children.Count: > ConfigurationLimits.MaximumProcesses } many:
                errors.Add(
                    top.PositionOf(many),
                    $"`processes` declares {many.Children.Count} processes, more than the {ConfigurationLimits.MaximumProcesses} ProcMan runs");
                break;
            case YamlMappingNode mapping:
                // The index counts every entry, even a broken one, so ports stay where the file puts them.
                foreach (var ((nameNode, body), index) in mapping.Children.Select((entry, index) => (entry, index)))
                {
                    if (ReadProcess(nameNode, body, index, file, directory, errors) is { } process)
                    {
                        processes.Add(body is YamlMappingNode templated && replicaTemplates.TryGetValue(templated, out var templates)
                            ? process with { ForReplicaNumber = number => ReadForReplica(nameNode, templated, index, file, directory, errors, templates, number) ?? process }
                            : process);
                    }
                }

                break;
            case var other:
                errors.Add(
                    top.PositionOf(other),
                    $"`processes` {TopLevel}: expected a mapping of process names, got {YamlMappingReader.Describe(other)}");
                break;
        }

        return processes;
    }

    /// <summary>
    /// The process read again with its templates rendered for replica <paramref name="number"/>
    /// (0-based); the tree is put back as replica 0 has it. Only the problems replica 0 does not
    /// have are added, so that each is reported once.
    /// </summary>
    private static ProcessDefinition? ReadForReplica(
        YamlNode nameNode, YamlMappingNode body, int index, string file, string directory, ErrorCollector errors, ReplicaTemplates templates, int number)
    {
        templates.RenderFor(number);
        var own = new ErrorCollector();
        var process = ReadProcess(nameNode, body, index, file, directory, own);
        templates.RenderFor(0);
        foreach (var error in own.Errors.Where(error => !errors.Errors.Contains(error)))
        {
            errors.Add(error);
        }

        return process;
    }

    private static ProcessDefinition? ReadProcess(
        YamlNode nameNode, YamlNode body, int index, string file, string directory, ErrorCollector errors)
    {
        var declaredAt = YamlMappingReader.PositionOf(file, nameNode);
        if (nameNode is not YamlScalarNode { Value: { } name })
        {
            errors.Add(declaredAt, $"a process name must be a plain string, got {YamlMappingReader.Describe(nameNode)}");
            return null;
        }

        if (ProcessNames.Problem(name) is { } problem)
        {
            errors.Add(declaredAt, problem);

            // Every other message about the process would print the name as it is.
            if (ProcessNames.HasInvisible(name))
            {
                return null;
            }
        }

        var owner = $"in process `{name}`";
        if (body is not YamlMappingNode mapping)
        {
            errors.Add(
                YamlMappingReader.PositionOf(file, body),
                $"process `{name}`: expected a mapping (with `command` or `entrypoint`), got {YamlMappingReader.Describe(body)}");
            return null;
        }

        var process = new YamlMappingReader(mapping, file, owner, errors);
        var hasCommand = process.Node("command") is not null;
        var command = process.Node("command") is YamlSequenceNode list
            ? process.TypeError(list, "command", "a string", YamlHints.ForListCommand(list))
            : process.String("command");
        var hasEntrypoint = process.Node("entrypoint") is not null;
        var entrypoint = process.StringList("entrypoint");
        var workingDirectory = WorkingDirectory(process, directory, errors);
        var environment = process.Environment("environment") ?? [];
        var envFiles = EnvFiles(process, file) ?? [];
        var replicas = process.Integer("replicas") ?? 1;
        var disabled = process.Boolean("disabled") ?? false;
        var description = process.String("description");
        var @namespace = process.String("namespace");
        if (@namespace is not null && (string.IsNullOrWhiteSpace(@namespace) || @namespace.Any(char.IsWhiteSpace)))
        {
            errors.Add(process.PositionOfValue("namespace")!, $"`namespace` {owner} must be a name without spaces, got `{@namespace}`");
        }
        _ = process.Node(TemplateRendering.VarsKey);
        _ = process.Boolean(TemplateRendering.DisabledKey);
        var dependsOn = YamlDependsOnReader.Read(process, errors);
        var readyLogLine = process.String("ready_log_line");
        var readinessProbe = YamlProbeReader.Read(process, "readiness_probe", directory, errors);
        var livenessProbe = YamlProbeReader.Read(process, "liveness_probe", directory, errors);
        var (availability, writtenExitOnEnd) = YamlAvailabilityReader.Read(process);
        var successExitCodes = YamlAvailabilityReader.SuccessExitCodes(process);
        var shutdown = YamlShutdownReader.Read(process);
        var logLocation = LogLocation(process, directory);
        var logSettings = YamlLogConfigurationReader.Read(process);
        var truncateLog = process.Boolean("truncate_log") ?? false;
        var disableAnsiColors = process.Boolean("disable_ansi_colors") ?? false;
        var isDaemon = process.Boolean("is_daemon") ?? false;
        var launchTimeout = process.Seconds("launch_timeout_seconds", zeroAllowed: true);
        process.ReportUnknownKeys(KeySection.Process, YamlHints.ProcessSectionKeys);

        if (hasCommand && hasEntrypoint)
        {
            errors.Add(
                process.PositionOfValue("entrypoint")!,
                $"process `{name}` has both `command` and `entrypoint`: use `command` for a shell line or `entrypoint` for an argv, not both");
        }
        else if (!hasCommand && !hasEntrypoint)
        {
            errors.Add(declaredAt, $"process `{name}` needs a `command` (run by /bin/sh) or an `entrypoint` (an argv)");
        }
        else if (command is not null && string.IsNullOrWhiteSpace(command))
        {
            errors.Add(process.PositionOfValue("command")!, $"`command` {owner} is empty");
        }
        else if (entrypoint is { Count: 0 })
        {
            errors.Add(process.PositionOfValue("entrypoint")!, $"`entrypoint` {owner} is empty: give at least the program to run");
        }

        if (readyLogLine is not null && readyLogLine.Length == 0)
        {
            // An empty substring would match the first line of output, whatever it says.
            errors.Add(process.PositionOfValue("ready_log_line")!, $"`ready_log_line` {owner} is empty");
        }

        if (replicas < 0)
        {
            errors.Add(process.PositionOfValue("replicas")!, $"`replicas` {owner} must be 0 or more, got {replicas}");
        }
        else if (replicas > ConfigurationLimits.MaximumReplicas)
        {
            errors.Add(process.PositionOfValue("replicas")!, $"`replicas` {owner} must be at most {ConfigurationLimits.MaximumReplicas}, got {replicas}");
        }

        return new ProcessDefinition(
            name, index, command, entrypoint, workingDirectory, environment, envFiles,
            Math.Clamp(replicas, 0, ConfigurationLimits.MaximumReplicas), disabled, description, declaredAt)
        {
            DependsOn = dependsOn,
            ReadyLogLine = readyLogLine,
            ReadinessProbe = readinessProbe,
            LivenessProbe = livenessProbe,
            Availability = availability,
            WrittenExitOnEnd = writtenExitOnEnd,
            SuccessExitCodes = successExitCodes,
            Shutdown = shutdown,
            LogLocation = logLocation,
            LogSettings = logSettings ?? LogSettings.Default,
            TruncateLog = truncateLog,
            DisableAnsiColors = disableAnsiColors,
            Namespace = string.IsNullOrWhiteSpace(@namespace) ? ProcessDefinition.DefaultNamespace : @namespace,
            IsDaemon = isDaemon,
            // 0 stands for the default, as in process-compose.
            LaunchTimeout = launchTimeout is { } timeout && timeout > TimeSpan.Zero ? timeout : ProcessDefinition.DefaultLaunchTimeout,
        };
    }

    /// <summary>
    /// <c>log_location</c>: a file to append the lines to, relative to the configuration's
    /// directory. Whether it can be opened is found out when <c>up</c> opens it, before anything starts.
    /// </summary>
    private static string? LogLocation(YamlMappingReader reader, string directory)
    {
        if (reader.String("log_location") is not { } relative)
        {
            return null;
        }

        var at = reader.PositionOfValue("log_location")!;
        if (string.IsNullOrWhiteSpace(relative))
        {
            reader.Report(at, $"`log_location` {reader.Owner} is empty: give a file path");
            return null;
        }

        var absolute = Path.GetFullPath(Path.Combine(directory, relative));
        if (System.IO.Directory.Exists(absolute) || relative.EndsWith('/'))
        {
            reader.Report(at, $"`log_location` {reader.Owner} must be a file, but `{relative}` is a directory");
        }

        return absolute;
    }

    /// <summary>A <c>working_dir</c> (a process's or an exec probe's), relative to the file's directory; it must exist.</summary>
    internal static string WorkingDirectory(YamlMappingReader process, string directory, ErrorCollector errors)
    {
        if (process.String("working_dir") is not { } relative)
        {
            return directory;
        }

        var absolute = Path.GetFullPath(Path.Combine(directory, relative));
        if (!System.IO.Directory.Exists(absolute))
        {
            errors.Add(process.PositionOfValue("working_dir")!, $"working directory `{relative}` does not exist (looked for {absolute})");
        }

        return absolute;
    }

    /// <summary>
    /// <c>env_file</c> entries, relative to the configuration's directory. The paths are kept
    /// relative to the current directory when the configuration's name was, for readable errors.
    /// </summary>
    private static List<EnvFileReference>? EnvFiles(YamlMappingReader reader, string file) =>
        reader.StringOrList("env_file")?
            .Select(entry => new EnvFileReference(Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, entry.Value), entry.At))
            .ToList();
}
