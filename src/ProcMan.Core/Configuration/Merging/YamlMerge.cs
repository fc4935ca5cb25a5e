using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Merges configuration files, each later one over the ones before, with process-compose's
/// rules: mappings merged key by key (so processes by name, a process setting by setting), a
/// scalar or a list replaced by the later value, except <c>environment</c>, whose entries are
/// merged by variable name (the later file's value wins). The inputs are never changed: a merged
/// mapping is a new node that stands for the earlier one in errors (see <see cref="YamlProvenance"/>),
/// and every value keeps its own node, so its file, line and column.
/// </summary>
internal static class YamlMerge
{
    private const string EnvironmentKey = "environment";
    private const string ProcessesKey = "processes";

    /// <summary>The files merged in order; the first file's root when there is one.</summary>
    public static YamlMappingNode All(IReadOnlyList<YamlSourceFile> files, ErrorCollector errors)
    {
        var merged = files[0].Root;
        foreach (var later in files.Skip(1))
        {
            merged = Mappings(merged, later.Root, [], errors);
        }

        return merged;
    }

    /// <summary>
    /// Which files wrote each process, with the keys each wrote, keyed by process name.
    /// </summary>
    public static Dictionary<string, List<ProcessSource>> SourcesOfProcesses(IReadOnlyList<YamlSourceFile> files)
    {
        var sources = new Dictionary<string, List<ProcessSource>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (YamlMappingReader.ValueOf(file.Root, ProcessesKey) is not YamlMappingNode processes)
            {
                continue;
            }

            foreach (var (nameNode, body) in processes.Children)
            {
                if (nameNode is not YamlScalarNode { Value: { } name })
                {
                    continue;
                }

                // A later file that writes the process as something else than a mapping replaces it whole.
                if (body is not YamlMappingNode mapping)
                {
                    sources[name] = [new ProcessSource(file.File, [])];
                    continue;
                }

                var keys = mapping.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? string.Empty).ToList();
                if (!sources.TryGetValue(name, out var list))
                {
                    sources[name] = list = [];
                }

                list.Add(new ProcessSource(file.File, keys));
            }
        }

        return sources;
    }

    private static YamlMappingNode Mappings(YamlMappingNode earlier, YamlMappingNode later, List<string> path, ErrorCollector errors)
    {
        var laterByName = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in later.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                laterByName.TryAdd(name, value);
            }
        }

        var merged = new YamlMappingNode();
        YamlProvenance.StandsFor(merged, earlier);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in earlier.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && laterByName.TryGetValue(name, out var over))
            {
                // The earlier key node: a process is declared, and a key first written, in the earlier file.
                taken.Add(name);
                merged.Children.Add(key, Value(value, over, [.. path, name], errors));
            }
            else
            {
                merged.Children.Add(key, value);
            }
        }

        foreach (var (key, value) in later.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !taken.Contains(name))
            {
                merged.Children.Add(key, value);
            }
        }

        return merged;
    }

    private static YamlNode Value(YamlNode earlier, YamlNode later, List<string> path, ErrorCollector errors)
    {
        if (IsEnvironment(path) && (earlier is YamlSequenceNode || later is YamlSequenceNode))
        {
            return Environment(earlier, later, errors);
        }

        return earlier is YamlMappingNode earlierMapping && later is YamlMappingNode laterMapping
            ? Mappings(earlierMapping, laterMapping, path, errors)
            : later;
    }

    /// <summary><c>environment</c> at the top level or in a process: <c>[environment]</c> or <c>[processes, NAME, environment]</c>.</summary>
    private static bool IsEnvironment(List<string> path) =>
        path is [EnvironmentKey] or [ProcessesKey, _, EnvironmentKey];

    /// <summary>Two <c>environment</c> lists merged by variable name: the earlier entries the later file does not set, then the later ones.</summary>
    private static YamlNode Environment(YamlNode earlier, YamlNode later, ErrorCollector errors)
    {
        if (earlier is not YamlSequenceNode earlierList || later is not YamlSequenceNode laterList)
        {
            if (earlier is YamlMappingNode || later is YamlMappingNode)
            {
                var (list, mapping) = earlier is YamlSequenceNode ? (earlier, later) : (later, earlier);
                errors.Add(
                    YamlProvenance.PositionOf(string.Empty, later),
                    $"`{EnvironmentKey}` cannot be merged: it is a list of KEY=VALUE at {YamlProvenance.PositionOf(string.Empty, list)} but a mapping at {YamlProvenance.PositionOf(string.Empty, mapping)}; write it the same way in both files");
            }

            return later;
        }

        var setLater = laterList.Children.Select(NameOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var merged = new YamlSequenceNode(earlierList.Children.Where(item => NameOf(item) is not { } name || !setLater.Contains(name)).Concat(laterList.Children));
        YamlProvenance.StandsFor(merged, earlierList);
        return merged;
    }

    /// <summary>The variable an entry sets (<c>KEY</c> of <c>KEY=VALUE</c>, or a bare <c>KEY</c>); null for an entry that is not a string.</summary>
    private static string? NameOf(YamlNode item) => item is YamlScalarNode { Value: { } entry }
        ? entry.IndexOf('=') is var equals and >= 0 ? entry[..equals] : entry
        : null;
}
