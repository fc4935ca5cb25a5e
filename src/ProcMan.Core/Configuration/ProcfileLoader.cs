using System.Globalization;

namespace ProcMan.Configuration;

/// <summary>
/// Loads a configuration file (<c>*.yml</c>/<c>*.yaml</c>, or a classic Procfile) into the
/// processes to start. Every problem found, in the file, its env files and the options, is
/// reported at once in one <see cref="ConfigurationException"/>.
/// </summary>
internal static class ProcfileLoader
{
    /// <summary>The first port when neither the options nor the env files choose one (foreman's).</summary>
    public const int DefaultBasePort = 5000;

    /// <summary>Each process gets its own block of ports, foreman style, so replicas don't collide.</summary>
    public const int PortsPerProcess = 100;

    private const string DefaultEnvFile = ".env";

    private static readonly TimeSpan ProcessComposeMinimumBackoff = TimeSpan.FromSeconds(1);

    /// <summary>Loads and expands <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file, an env file or an option is wrong.</exception>
    public static LoadedConfiguration Load(string path, LoadOptions? options = null) => Load([path], options);

    /// <summary>
    /// Loads <paramref name="paths"/> merged, each over the ones before (see <see cref="YamlMerge"/>),
    /// and expands the result. The first file gives the document its name (which the control
    /// socket derives from); the first file read (the base of its <c>extends</c> chain) gives the
    /// dialect and the directory relative paths start from, as process-compose has it.
    /// </summary>
    /// <exception cref="ConfigurationException">A file, an env file or an option is wrong.</exception>
    public static LoadedConfiguration Load(IReadOnlyList<string> paths, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var errors = new ErrorCollector();
        var path = paths[0];
        if (paths.Count > 1 && paths.FirstOrDefault(named => !IsYaml(named)) is { } classic)
        {
            errors.Add(classic, "a classic Procfile cannot be merged with other files: name it alone, or write it as YAML (.yml, .yaml) to merge it");
            throw new ConfigurationException(errors.Errors);
        }

        ProcfileDocument? document;
        ConfigurationDialect dialect;
        if (IsYaml(path))
        {
            (document, dialect) = ReadYaml(paths, options, errors);
        }
        else
        {
            if (BoundedFileReader.Read(path, out var problem) is not { } text)
            {
                errors.Add(path, problem == BoundedFileReader.NotFound ? "file not found" : problem!);
                throw new ConfigurationException(errors.Errors);
            }

            dialect = ConfigurationDialect.ProcMan;
            document = ClassicProcfileReader.Read(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, errors);
        }

        if (document is null)
        {
            errors.ThrowIfAny();
            throw new InvalidOperationException($"{path}: the reader returned nothing but reported no error");
        }

        document = document with { Dialect = dialect, Files = document.Files.Count == 0 ? [document.File] : document.Files };
        document = WithShell(document, options);
        document = WithExitOnSkippedDefault(document);
        document = WithReplicaDependencies(document);
        document = WithDialectBackoff(document, errors);
        document = WithProcessComposeProbePorts(document);

        var graph = new DependencyGraph(document);
        graph.Check(errors);
        document = graph.WithResolvedExitOnEnd();
        if (options.EnvCommands is { } envCommands && document.EnvCommands.Count > 0 && !errors.HasErrors)
        {
            // Run only for a file that is otherwise right: a broken file runs nothing.
            var shell = document.Processes.FirstOrDefault()?.Shell ?? ShellSettings.Default;
            document = document with { EnvCommandValues = envCommands.Run(document.EnvCommands, shell, document.Directory, options.InheritedEnvironment, errors) };
        }

        var planner = new Planner(document, options, errors);
        var plans = planner.Plan();
        errors.ThrowIfAny();
        return new LoadedConfiguration(document, plans, planner.TopLevelEnvironment);
    }

    /// <summary>Gives every process the file's <c>shell</c>, or the dialect's default shell.</summary>
    private static ProcfileDocument WithShell(ProcfileDocument document, LoadOptions options)
    {
        var shell = document.Shell ?? (document.Dialect == ConfigurationDialect.ProcessCompose
            ? ShellSettings.ProcessComposeDefault(options.InheritedEnvironment.TryGetValue("PATH", out var path) ? path : null)
            : ShellSettings.Default);
        return document with { Processes = [.. document.Processes.Select(process => process with { Shell = shell })] };
    }

    /// <summary>process-compose lets the others run on when a process is skipped, unless it says <c>exit_on_skipped</c>.</summary>
    private static ProcfileDocument WithExitOnSkippedDefault(ProcfileDocument document) =>
        document.Dialect != ConfigurationDialect.ProcessCompose
            ? document
            : document with
            {
                Processes = [.. document.Processes.Select(process => process.Availability.ExitOnSkippedWritten
                    ? process
                    : process with { Availability = process.Availability with { ExitOnSkipped = false } })],
            };

    /// <summary>
    /// Every YAML file parsed and checked alone, expanded alone (each with its own
    /// <c>disable_env_expansion</c>, as process-compose expands each file before merging), merged,
    /// then its templates rendered once over the merged result, and read.
    /// </summary>
    private static (ProcfileDocument? Document, ConfigurationDialect Dialect) ReadYaml(IReadOnlyList<string> paths, LoadOptions options, ErrorCollector errors)
    {
        var files = ConfigurationFileSet.Read(paths, errors);
        if (files.Count == 0 || errors.HasErrors)
        {
            return (null, ConfigurationDialect.ProcMan);
        }

        var first = files[0].File;
        var dialect = options.Dialect ?? DialectRule.ByName(first);
        var expansion = new ExpansionContext(dialect, options.InheritedEnvironment, options.EnvFiles, options.NoEnvFile);
        foreach (var file in files)
        {
            if (dialect == ConfigurationDialect.ProcessCompose)
            {
                Yaml11Booleans.Allow(file.Root);
            }

            LoadTimeExpansion.Apply(file.Root, expansion, file.File, errors);
        }

        var merged = YamlMerge.All(files, errors);
        var replicaTemplates = TemplateRendering.Apply(merged, dialect, first, errors);
        var document = YamlProcfileReader.Read(merged, first, Path.GetDirectoryName(Path.GetFullPath(first))!, errors, replicaTemplates);
        if (files.Count == 1)
        {
            return (document with { Files = [first] }, dialect);
        }

        var sources = YamlMerge.SourcesOfProcesses(files);
        return (document with
        {
            File = paths[0],
            Files = [.. files.Select(file => file.File)],
            Processes = [.. document.Processes.Select(process => process with { Sources = sources.GetValueOrDefault(process.Name) ?? [] })],
        }, dialect);
    }


    /// <summary>
    /// A <c>depends_on</c> target that is no process but the name of one replica of one (as the
    /// dialect names replicas, with the file's <c>replicas</c>) waits for that replica alone;
    /// the graph's checks then see the process it belongs to.
    /// </summary>
    private static ProcfileDocument WithReplicaDependencies(ProcfileDocument document)
    {
        var naming = ReplicaNaming.For(document.Dialect);
        var replicasOf = document.Processes
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Replicas, StringComparer.Ordinal);
        return document with
        {
            Processes = [.. document.Processes.Select(process => process with
            {
                DependsOn = [.. process.DependsOn.Select(dependency =>
                    !replicasOf.ContainsKey(dependency.Target) && naming.Parse(dependency.Target, ReplicasOf) is { } replica
                        ? dependency with { Target = replica.Process, Replica = replica.Replica }
                        : dependency)],
            })],
        };

        int? ReplicasOf(string name) => replicasOf.TryGetValue(name, out var replicas) && replicas >= 2 ? replicas : null;
    }

    /// <summary>
    /// process-compose waits <c>backoff_seconds</c> before every restart, at least 1 second, and
    /// never longer; ProcMan doubles the wait per consecutive failure and refuses 0.
    /// </summary>
    private static ProcfileDocument WithDialectBackoff(ProcfileDocument document, ErrorCollector errors)
    {
        if (document.Dialect != ConfigurationDialect.ProcessCompose)
        {
            foreach (var process in document.Processes.Where(p => p.Availability.ZeroBackoffAt is not null))
            {
                errors.Add(process.Availability.ZeroBackoffAt!, $"`backoff_seconds` in `availability` of process `{process.Name}` must be more than 0, got 0");
            }

            return document;
        }

        return document with
        {
            Processes = [.. document.Processes.Select(process => process with
            {
                Availability = process.Availability with
                {
                    Backoff = process.Availability.Backoff < ProcessComposeMinimumBackoff ? ProcessComposeMinimumBackoff : process.Availability.Backoff,
                    BackoffGrows = false,
                },
            })],
        };
    }

    /// <summary>
    /// An <c>http_get</c> probe without <c>port</c> probes the process's own PORT in a ProcMan
    /// file; process-compose leaves the port out of the URL, so the scheme's port (80, 443) is used.
    /// </summary>
    private static ProcfileDocument WithProcessComposeProbePorts(ProcfileDocument document)
    {
        if (document.Dialect != ConfigurationDialect.ProcessCompose)
        {
            return document;
        }

        return document with
        {
            Processes = [.. document.Processes.Select(process => process with
            {
                ReadinessProbe = WithSchemePort(process.ReadinessProbe),
                LivenessProbe = WithSchemePort(process.LivenessProbe),
            })],
        };

        static Probe? WithSchemePort(Probe? probe) =>
            probe is { Check: HttpProbeCheck { Port.Written: false } http }
                ? probe with { Check = http with { Port = http.Scheme == "https" ? 443 : 80 } }
                : probe;
    }

    internal static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolves environments, replicas, ports and selection for one document.</summary>
    private sealed class Planner(ProcfileDocument document, LoadOptions options, ErrorCollector errors)
    {
        private readonly EnvFileCache _envFiles = new(options.InheritedEnvironment, errors);
        private readonly DependencyGraph _dependencies = new(document);
        private readonly ReplicaNaming _naming = ReplicaNaming.For(document.Dialect);

        /// <summary>The inherited environment with the file's top-level env files and <c>environment</c> applied.</summary>
        public IReadOnlyDictionary<string, string> TopLevelEnvironment { get; private set; } = new Dictionary<string, string>();

        public List<ProcessPlan> Plan()
        {
            var formation = options.Formation ?? Formation.None;
            CheckFormationNames(formation);
            var selected = SelectedNames();

            // Precedence, lowest to highest: inherited, top-level env files, top-level environment,
            // the process's env files, the process's environment.
            // env_cmds values come between the env files and the environment: what the file writes
            // wins; process-compose puts its own environment over the .env files.
            var topLevel = TopLevelEnvFiles().SelectMany(_envFiles.Read)
                .Where(v => EnvFilePrecedence.Applies(document.Dialect, options.InheritedEnvironment, v.Name))
                .Concat(document.EnvCommandValues).Concat(document.Environment).ToList();
            var basePort = BasePort(topLevel);
            TopLevelEnvironment = Apply(options.InheritedEnvironment, topLevel);

            // Disabled means "never started": the formation (even all=N) does not enable it.
            var replicasOf = document.Processes.ToDictionary(
                process => process,
                process => process.Disabled ? 0 : Math.Min(formation.CountFor(process.Name) ?? process.Replicas, ConfigurationLimits.MaximumReplicas));
            var startsOf = document.Processes.ToDictionary(process => process, process => selected.Count == 0 || selected.Contains(process.Name));
            if (!CheckInstanceCount(replicasOf, startsOf))
            {
                return [];
            }

            var plans = new List<ProcessPlan>();
            foreach (var process in document.Processes)
            {
                var own = process.EnvFiles.SelectMany(_envFiles.Read).Concat(process.Environment).ToList();
                var configured = topLevel.Concat(own).ToList();
                var replicas = replicasOf[process];
                var starts = startsOf[process];
                var instances = Enumerable.Range(1, starts ? replicas : 0)
                    .Select(replica =>
                    {
                        var definition = ForReplica(process, replica);
                        var replicaOwn = ReferenceEquals(definition, process) ? own : [.. definition.EnvFiles.SelectMany(_envFiles.Read).Concat(definition.Environment)];
                        return Instance(definition, replica, replicas, [.. topLevel, .. replicaOwn], PortOf(replicaOwn, basePort, definition, replica));
                    })
                    .ToList();
                var names = configured.Select(v => v.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                plans.Add(new ProcessPlan(process, replicas, instances, names));
                CheckPorts(process, own, basePort, instances.Count);
                CheckProbePorts(process, instances);
            }

            var reported = CheckInstanceNamesAreUnique(plans);
            CheckNamesAreNotReplicaNames(plans, reported);
            CheckDependenciesHaveInstances(plans);
            return plans;
        }

        /// <summary>
        /// The port block of a process (base + 100 per process + replica - 1) must end by 65535:
        /// beyond it a port number means nothing, and a server would fail to bind or wrap around.
        /// </summary>
        private void CheckPorts(ProcessDefinition process, List<EnvironmentVariable> own, int basePort, int instances)
        {
            if (instances == 0 || own.Any(v => v.Name == "PORT"))
            {
                return;
            }

            var last = basePort + ((long)PortsPerProcess * process.Index) + instances - 1;
            if (last > ConfigurationLimits.MaximumPort)
            {
                var name = _naming.Name(process.Name, instances, instances);
                errors.Add(
                    process.DeclaredAt,
                    $"process `{process.Name}` would get PORT {last} (for `{name}`: base {basePort} + {PortsPerProcess} x {process.Index} + {instances - 1}), above {ConfigurationLimits.MaximumPort}; choose a lower --port or PORT, or set PORT for this process");
            }
        }

        /// <summary>
        /// An http_get probe's port comes from each instance's final environment (a replica's own
        /// PORT): it is looked up now, so that a port that does not resolve fails the load, at
        /// the probe, once per probe rather than once per replica.
        /// </summary>
        private void CheckProbePorts(ProcessDefinition process, List<ProcessSpec> instances)
        {
            foreach (var probe in new[] { process.ReadinessProbe, process.LivenessProbe })
            {
                if (probe?.Check is not HttpProbeCheck { Port: var port })
                {
                    continue;
                }

                foreach (var instance in instances)
                {
                    if (!port.TryResolve(instance.Environment, instance.Name, out _, out var problem))
                    {
                        errors.Add(port.At ?? process.DeclaredAt, problem);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// Each instance costs a process, pipes and a copy of the environment: the total is
        /// bounded before any is planned, naming the processes that contribute most.
        /// </summary>
        private bool CheckInstanceCount(Dictionary<ProcessDefinition, int> replicasOf, Dictionary<ProcessDefinition, bool> startsOf)
        {
            var starting = replicasOf.Where(entry => startsOf[entry.Key] && entry.Value > 0).ToList();
            var total = starting.Sum(entry => (long)entry.Value);
            if (total <= ConfigurationLimits.MaximumInstances)
            {
                return true;
            }

            var largest = starting.OrderByDescending(entry => entry.Value).Take(3).Select(entry => $"`{entry.Key.Name}` {entry.Value}");
            var more = starting.Count > 3 ? ", ..." : string.Empty;
            errors.Add(
                options.Formation is null ? document.File : Formation.Source,
                $"the processes would start {total} instances in all ({string.Join(", ", largest)}{more}), more than the {ConfigurationLimits.MaximumInstances} ProcMan runs");
            return false;
        }

        /// <summary>
        /// The process as <paramref name="replica"/> runs it: the fields its templates render
        /// for the replica's number, over everything the load resolved for the process.
        /// </summary>
        private static ProcessDefinition ForReplica(ProcessDefinition process, int replica)
        {
            if (replica == 1 || process.ForReplicaNumber is not { } render)
            {
                return process;
            }

            var rendered = render(replica - 1);
            return process with
            {
                Command = rendered.Command,
                WorkingDirectory = rendered.WorkingDirectory,
                Environment = rendered.Environment,
                Description = rendered.Description,
                LogLocation = rendered.LogLocation,
                ReadinessProbe = WithRenderedCheck(process.ReadinessProbe, rendered.ReadinessProbe),
                LivenessProbe = WithRenderedCheck(process.LivenessProbe, rendered.LivenessProbe),
            };

            // A port the file does not write keeps the dialect's default, which the load set.
            static Probe? WithRenderedCheck(Probe? loaded, Probe? rendered) => (loaded, rendered) switch
            {
                ({ Check: HttpProbeCheck http }, { Check: HttpProbeCheck again }) => loaded with
                {
                    Check = http with { Scheme = again.Scheme, Host = again.Host, Path = again.Path, Port = again.Port.Written ? again.Port : http.Port },
                },
                ({ Check: ExecProbeCheck }, { Check: ExecProbeCheck again }) => loaded with { Check = again },
                _ => loaded,
            };
        }

        private ProcessSpec Instance(ProcessDefinition process, int replica, int replicas, List<EnvironmentVariable> configured, string port)
        {
            var name = _naming.Name(process.Name, replica, replicas);
            var environment = Apply(options.InheritedEnvironment, configured);
            environment["PORT"] = port;
            environment["PS"] = name;
            environment["PROCMAN_PROCESS"] = process.Name;
            environment["PROCMAN_REPLICA"] = replica.ToString(CultureInfo.InvariantCulture);

            // process-compose's names for the same facts, in both dialects, so that a command
            // written for process-compose finds them: the process's own name and a 0-based number.
            environment["PC_PROC_NAME"] = process.Name;
            environment["PC_REPLICA_NUM"] = (replica - 1).ToString(CultureInfo.InvariantCulture);
            return new ProcessSpec(name, process.Arguments, process.WorkingDirectory, environment)
            {
                Definition = process,
                Replica = replica,
            };
        }

        private static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> inherited, IEnumerable<EnvironmentVariable> variables)
        {
            var environment = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
            foreach (var variable in variables)
            {
                environment[variable.Name] = variable.Value;
            }

            return environment;
        }

        /// <summary>
        /// A <c>PORT</c> the process sets itself (in its own env files or environment) wins;
        /// otherwise base + 100 per process in file order + the replica's offset.
        /// </summary>
        private static string PortOf(List<EnvironmentVariable> own, int basePort, ProcessDefinition process, int replica) =>
            own.LastOrDefault(v => v.Name == "PORT")?.Value
            ?? (basePort + (PortsPerProcess * process.Index) + replica - 1).ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The option, else <c>PORT</c> from the top-level env files and <c>environment</c> (a
        /// top-level PORT would otherwise be silently overridden in every process), else 5000.
        /// </summary>
        private int BasePort(List<EnvironmentVariable> topLevel)
        {
            if (options.BasePort is { } chosen)
            {
                if (chosen is < 1 or > ConfigurationLimits.MaximumPort)
                {
                    errors.Add("--port", $"must be between 1 and {ConfigurationLimits.MaximumPort}, got {chosen}");
                    return DefaultBasePort;
                }

                return chosen;
            }

            if (topLevel.LastOrDefault(v => v.Name == "PORT") is not { } port)
            {
                return DefaultBasePort;
            }

            if (int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var configured) && configured is > 0 and <= ConfigurationLimits.MaximumPort)
            {
                return configured;
            }

            // Named, not quoted: whatever it holds may be a secret written in the wrong place.
            var message = $"`PORT` from the top-level environment or env files is not a port number (1-{ConfigurationLimits.MaximumPort})";
            if (port.At is { } at)
            {
                errors.Add(at, message);
            }
            else
            {
                errors.Add(document.File, message);
            }

            return DefaultBasePort;
        }

        /// <summary>
        /// The env files applying to every process. <c>--env-file</c> replaces the default
        /// <c>.env</c> and is read after the file's own top-level <c>env_file</c>, so the command
        /// line has the last word; <c>--no-env-file</c> only turns off the default.
        /// </summary>
        private List<EnvFileReference> TopLevelEnvFiles()
        {
            var files = document.EnvFiles?.ToList() ?? [];
            if (options.EnvFiles is { } named)
            {
                files.AddRange(named.Select(path => new EnvFileReference(path, null)));
            }
            else if (document.EnvFiles is null && !options.NoEnvFile && !document.DotEnvDisabled)
            {
                var fallback = Path.Combine(Path.GetDirectoryName(document.File) ?? string.Empty, DefaultEnvFile);
                if (File.Exists(fallback))
                {
                    files.Add(new EnvFileReference(fallback, null));
                }
            }

            return files;
        }

        /// <summary>A process named <c>web.2</c> and the second replica of <c>web</c> would share a prefix; returns the processes reported.</summary>
        private HashSet<ProcessDefinition> CheckInstanceNamesAreUnique(List<ProcessPlan> plans)
        {
            var reported = new HashSet<ProcessDefinition>();
            var owners = new Dictionary<string, ProcessDefinition>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                foreach (var instance in plan.Instances)
                {
                    if (!owners.TryAdd(instance.Name, plan.Definition))
                    {
                        errors.Add(
                            plan.Definition.DeclaredAt,
                            $"process `{plan.Definition.Name}` would start an instance named `{instance.Name}`, which process `{owners[instance.Name].Name}` also does; rename one of them");
                        reported.Add(plan.Definition);
                    }
                }
            }

            return reported;
        }

        /// <summary>
        /// Even when one of them does not start (disabled, not selected, scaled to 0), a process
        /// named like a replica of another (<c>web.2</c> beside <c>web</c> with 3 replicas) makes
        /// the name ambiguous in the output and in <c>procman stop web.2</c>.
        /// </summary>
        private void CheckNamesAreNotReplicaNames(List<ProcessPlan> plans, HashSet<ProcessDefinition> reported)
        {
            var byName = plans.ToDictionary(plan => plan.Definition.Name, StringComparer.Ordinal);
            foreach (var plan in plans.Where(plan => !reported.Contains(plan.Definition)))
            {
                var name = plan.Definition.Name;
                if (_naming.Parse(name, ReplicasOf) is not { } replica)
                {
                    continue;
                }

                var other = byName[replica.Process];
                errors.Add(
                    plan.Definition.DeclaredAt,
                    $"process `{name}` has the name of replica {replica.Replica} of process `{other.Definition.Name}` ({other.Replicas} replicas); rename it");
            }

            int? ReplicasOf(string process) => byName.TryGetValue(process, out var found) && found.Replicas >= 2 ? found.Replicas : null;
        }

        /// <summary>
        /// A process that starts but waits on one scaled to 0 (by the formation or <c>replicas: 0</c>)
        /// would wait forever, whatever the condition: even "completed" needs an instance to end.
        /// Failing the load says so now rather than leaving a silent, never-starting process.
        /// </summary>
        private void CheckDependenciesHaveInstances(List<ProcessPlan> plans)
        {
            var byName = plans.ToDictionary(plan => plan.Definition.Name, StringComparer.Ordinal);
            foreach (var plan in plans.Where(plan => plan.Instances.Count > 0))
            {
                foreach (var dependency in plan.Definition.DependsOn)
                {
                    // Unknown and disabled targets are reported by the dependency graph already.
                    if (byName.TryGetValue(dependency.Target, out var target) && !target.Definition.Disabled && target.Replicas == 0)
                    {
                        var why = FormationCount(target.Definition.Name) is 0 ? "the formation scales it to 0" : "it has `replicas: 0`";
                        errors.Add(
                            dependency.DeclaredAt,
                            $"process `{plan.Definition.Name}` depends on `{dependency.Target}`, which has no instance to start ({why}), so `{plan.Definition.Name}` could never start");
                    }
                    else if (target is not null && dependency.Replica is { } replica && replica > target.Replicas && target.Replicas > 0)
                    {
                        errors.Add(
                            dependency.DeclaredAt,
                            $"process `{plan.Definition.Name}` depends on `{dependency.WrittenTarget}`, but `{target.Definition.Name}` runs only {target.Replicas} replicas, so `{plan.Definition.Name}` could never start");
                    }
                }
            }

            int? FormationCount(string name) => (options.Formation ?? Formation.None).CountFor(name);
        }

        private void CheckFormationNames(Formation formation)
        {
            foreach (var name in formation.Counts.Keys.Where(name => !IsDeclared(name)))
            {
                errors.Add(Formation.Source, $"unknown process `{ProcessNames.Printable(name)}` (not in {document.File}){Suggest(name)}");
            }
        }

        private HashSet<string> SelectedNames()
        {
            foreach (var name in options.SelectedNames)
            {
                if (!IsDeclared(name))
                {
                    errors.Add(document.File, $"unknown process `{ProcessNames.Printable(name)}`{Suggest(name)}");
                }
                else if (document.Processes.First(p => p.Name == name).Disabled)
                {
                    // Selecting a disabled process is more likely a mistake than a way to enable it.
                    errors.Add(document.File, $"process `{name}` is disabled; remove `disabled: true` to start it");
                }
            }

            var names = options.SelectedNames.Concat(NamesInSelectedNamespaces()).Distinct(StringComparer.Ordinal).ToList();
            return names.Count == 0 ? [] : _dependencies.WithDependencies(names);
        }

        /// <summary>The enabled processes of <c>--namespace</c>'s namespaces; an unknown namespace is an error listing the known ones.</summary>
        private IEnumerable<string> NamesInSelectedNamespaces()
        {
            var known = document.Processes.Select(p => p.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var unknown in options.SelectedNamespaces.Where(ns => !known.Contains(ns)))
            {
                errors.Add("--namespace", $"no process is in namespace `{ProcessNames.Printable(unknown)}` (namespaces in {document.File}: {string.Join(", ", known)})");
            }

            // A namespace of disabled processes would select nothing, which means "everything".
            foreach (var idle in options.SelectedNamespaces.Where(ns => known.Contains(ns) && document.Processes.All(p => p.Namespace != ns || p.Disabled)))
            {
                errors.Add("--namespace", $"every process in namespace `{idle}` is disabled; remove `disabled: true` to start one");
            }

            return document.Processes
                .Where(p => !p.Disabled && options.SelectedNamespaces.Contains(p.Namespace))
                .Select(p => p.Name);
        }

        private bool IsDeclared(string name) => document.Processes.Any(p => p.Name == name);

        private string Suggest(string name) => Suggestions.DidYouMean(name, document.Processes.Select(p => p.Name));
    }

    /// <summary>Reads each env file once, however many processes name it, so its errors show once.</summary>
    private sealed class EnvFileCache(IReadOnlyDictionary<string, string> inherited, ErrorCollector errors)
    {
        private readonly Dictionary<string, IReadOnlyList<EnvironmentVariable>> _read = new(StringComparer.Ordinal);

        public IReadOnlyList<EnvironmentVariable> Read(EnvFileReference file)
        {
            // A NUL makes GetFullPath throw; the reader below refuses such a path.
            var key = file.Path.Contains('\0') ? file.Path : Path.GetFullPath(file.Path);
            if (_read.TryGetValue(key, out var cached))
            {
                return cached;
            }

            IReadOnlyList<EnvironmentVariable> variables = [];
            if (BoundedFileReader.Read(file.Path, out var problem) is not { } text)
            {
                if (file.NamedAt is { } namedAt)
                {
                    errors.Add(namedAt, $"env file `{file.Path}` {problem}");
                }
                else
                {
                    errors.Add(file.Path, problem == BoundedFileReader.NotFound ? "file not found" : problem!);
                }
            }
            else
            {
                variables = DotEnvParser.Parse(text, file.Path, inherited, errors);
            }

            _read[key] = variables;
            return variables;
        }
    }
}
