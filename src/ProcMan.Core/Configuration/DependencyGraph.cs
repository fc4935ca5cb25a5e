namespace ProcMan.Configuration;

/// <summary>
/// The processes of one document linked by their <c>depends_on</c>: checks what can only be
/// checked with the whole file known, resolves the defaults that depend on other processes, and
/// finds what a selection of processes needs.
/// </summary>
internal sealed class DependencyGraph(ProcfileDocument document)
{
    private readonly Dictionary<string, ProcessDefinition> _byName = document.Processes
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    /// <summary>Reports unknown, disabled and self dependencies, unmet health requirements and cycles.</summary>
    public void Check(ErrorCollector errors)
    {
        foreach (var process in document.Processes)
        {
            foreach (var dependency in process.DependsOn)
            {
                CheckOne(process, dependency, errors);
            }
        }

        foreach (var cycle in Cycles())
        {
            var first = _byName[cycle[0]].DependsOn.First(d => d.Target == cycle[1]);
            errors.Add(first.DeclaredAt, $"dependency cycle: {string.Join(" -> ", cycle)}; none of these processes could ever start");
        }
    }

    /// <summary>
    /// The document with each <c>exit_on_end</c> resolved: as written, else false in a
    /// process-compose file (its default) and for a process that another one waits to see
    /// complete (a one-shot task whose end is expected), else true.
    /// </summary>
    public ProcfileDocument WithResolvedExitOnEnd()
    {
        var awaitedEnds = document.Processes
            .SelectMany(p => p.DependsOn.Where(d => d.Target != p.Name && IsCompletion(d.Condition)))
            .Select(d => d.Target)
            .ToHashSet(StringComparer.Ordinal);
        var awaitedAnyEnds = document.Processes
            .SelectMany(p => p.DependsOn.Where(d => d.Target != p.Name && d.Condition == DependencyCondition.ProcessCompleted))
            .Select(d => d.Target)
            .ToHashSet(StringComparer.Ordinal);
        var processCompose = document.Dialect == ConfigurationDialect.ProcessCompose;
        var processes = document.Processes
            .Select(p =>
            {
                // process-compose lets the others run on after a successful end unless told otherwise;
                // a failed end still stops everything in both dialects (ProcMan's exit policy).
                var exitOnEnd = p.WrittenExitOnEnd ?? (!processCompose && !awaitedEnds.Contains(p.Name));
                return p with
                {
                    Availability = p.Availability with
                    {
                        ExitOnEnd = exitOnEnd,
                        // ... except the failure of a process that another waits for with process_completed,
                        // in a process-compose file: whatever its end, its dependants are to run.
                        FailureStopsAll = !(processCompose && awaitedAnyEnds.Contains(p.Name) && !exitOnEnd && p.Availability.Restart != RestartPolicy.ExitOnFailure),
                    },
                };
            })
            .ToList();
        return document with { Processes = processes };
    }

    /// <summary>
    /// <paramref name="selected"/> and everything they depend on, transitively: like
    /// <c>docker compose up web</c>, starting a process starts what it waits for, since it could
    /// never start otherwise. Unknown and disabled names are left out (they are reported elsewhere).
    /// </summary>
    public HashSet<string> WithDependencies(IEnumerable<string> selected)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(selected);
        while (pending.TryPop(out var name))
        {
            if (!closure.Add(name) || !_byName.TryGetValue(name, out var process))
            {
                continue;
            }

            foreach (var dependency in process.DependsOn.Where(d => _byName.TryGetValue(d.Target, out var target) && !target.Disabled))
            {
                pending.Push(dependency.Target);
            }
        }

        return closure;
    }

    private static bool IsCompletion(DependencyCondition condition) =>
        condition is DependencyCondition.ProcessCompleted or DependencyCondition.ProcessCompletedSuccessfully;

    private void CheckOne(ProcessDefinition process, Dependency dependency, ErrorCollector errors)
    {
        var name = process.Name;
        var targetName = dependency.Target;
        var condition = YamlDependsOnReader.NameOf(dependency.Condition);
        if (targetName == name)
        {
            errors.Add(dependency.DeclaredAt, $"process `{name}` depends on itself");
        }
        else if (!_byName.TryGetValue(targetName, out var target))
        {
            var suggestion = Suggestions.DidYouMean(targetName, document.Processes.Select(p => p.Name).Where(n => n != name));
            errors.Add(dependency.DeclaredAt, $"process `{name}` depends on unknown process `{targetName}`{suggestion}");
        }
        else if (target.Disabled && !process.Disabled)
        {
            // A disabled dependent never starts, so its dependency on another disabled process waits for nothing.
            errors.Add(
                dependency.DeclaredAt,
                $"process `{name}` depends on `{targetName}`, but `{targetName}` is disabled, so `{name}` could never start; enable `{targetName}` or remove the dependency");
        }
        else if (dependency.Condition == DependencyCondition.ProcessHealthy && target.ReadinessProbe is null && target.ReadyLogLine is null)
        {
            errors.Add(
                dependency.DeclaredAt,
                $"process `{name}` waits for `{targetName}` to be healthy ({condition}), but `{targetName}` has no `readiness_probe` or `ready_log_line` to tell");
        }
        else if (dependency.Condition == DependencyCondition.ProcessLogReady && target.ReadyLogLine is null)
        {
            errors.Add(
                dependency.DeclaredAt,
                $"process `{name}` waits for `{targetName}` to log its ready line ({condition}), but `{targetName}` has no `ready_log_line`");
        }
    }

    /// <summary>
    /// One cycle per back edge of a depth-first walk in file order, each starting at its
    /// process declared first, so the report is stable. Every graph with a cycle yields at least one.
    /// </summary>
    private List<List<string>> Cycles()
    {
        var cycles = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        // An explicit stack rather than recursion: a chain of thousands of processes would
        // otherwise overflow the thread's stack.
        var walk = new Stack<(string Name, IEnumerator<string> Targets)>();

        void Enter(string name)
        {
            seen.Add(name);
            path.Add(name);
            walk.Push((name, _byName[name].DependsOn.Select(d => d.Target).Where(t => t != name && _byName.ContainsKey(t)).GetEnumerator()));
        }

        foreach (var process in document.Processes.Where(p => !seen.Contains(p.Name)))
        {
            Enter(process.Name);
            while (walk.TryPeek(out var top))
            {
                if (!top.Targets.MoveNext())
                {
                    walk.Pop();
                    path.RemoveAt(path.Count - 1);
                    finished.Add(top.Name);
                    continue;
                }

                var target = top.Targets.Current;
                if (!seen.Contains(target))
                {
                    Enter(target);
                }
                else if (!finished.Contains(target) && cycles.Count < ErrorCollector.MaximumShown)
                {
                    var loop = path.Skip(path.IndexOf(target)).ToList();
                    var start = loop.IndexOf(loop.MinBy(n => _byName[n].Index)!);
                    var rotated = loop.Skip(start).Concat(loop.Take(start)).ToList();
                    rotated.Add(rotated[0]);
                    if (!cycles.Any(c => c.SequenceEqual(rotated)))
                    {
                        cycles.Add(rotated);
                    }
                }
            }
        }

        return cycles;
    }
}
