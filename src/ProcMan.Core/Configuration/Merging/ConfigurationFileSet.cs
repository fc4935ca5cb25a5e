using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// The YAML files one load merges, in merge order: for each file named (<c>-f</c>, in order, or
/// the discovered file and its override), the files its <c>extends</c> chain inherits first, then
/// the file itself. As in process-compose, <c>extends</c> is relative to the file that writes it
/// (an absolute path as is), a cycle fails the load, and so does a file reached twice (named with
/// <c>-f</c> and inherited too): each would be merged over itself.
/// </summary>
internal static class ConfigurationFileSet
{
    public const string ExtendsKey = "extends";

    /// <summary>Every file parsed and checked alone, in merge order; errors are reported and the broken files left out.</summary>
    public static List<YamlSourceFile> Read(IReadOnlyList<string> named, ErrorCollector errors)
    {
        var files = new List<YamlSourceFile>();
        var reached = new Dictionary<string, string>(StringComparer.Ordinal);
        var inherited = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < named.Count; index++)
        {
            // Only the first file must declare something: an override may have nothing to add yet.
            files.AddRange(Chain(named[index], emptyAllowed: index > 0, reached, inherited, errors));
        }

        return files;
    }

    /// <summary>The file and the files it inherits, the most basic first.</summary>
    private static List<YamlSourceFile> Chain(string path, bool emptyAllowed, Dictionary<string, string> reached, HashSet<string> inherited, ErrorCollector errors)
    {
        var chain = new List<YamlSourceFile>();
        var inChain = new List<string>();
        var current = path;
        SourcePosition? extendedAt = null;
        while (true)
        {
            // A NUL makes GetFullPath throw; the reader below refuses such a path.
            var full = current.Contains('\0') ? current : Path.GetFullPath(current);
            if (extendedAt is not null && inChain.Contains(full))
            {
                var cycle = string.Join(", which extends ", inChain.Skip(inChain.IndexOf(full)).Select(file => reached[file]).Append(reached[full]));
                errors.Add(extendedAt, $"`{ExtendsKey}` makes a cycle: {cycle}; one of them must not extend the others");
                break;
            }

            if (reached.TryGetValue(full, out var before))
            {
                var why = extendedAt is null && !inherited.Contains(full)
                    ? $"named twice ({before} and {current})"
                    : $"both named and inherited with `{ExtendsKey}` ({before} and {current})";
                Report(errors, extendedAt, current, $"`{current}` is {why}, so it would be merged over itself; name only the file that extends it");
                break;
            }

            if (BoundedFileReader.Read(current, out var problem) is not { } text)
            {
                Report(errors, extendedAt, current, extendedAt is null
                    ? problem == BoundedFileReader.NotFound ? "file not found" : problem!
                    : $"`{ExtendsKey}` names `{current}`, which {(problem == BoundedFileReader.NotFound ? $"does not exist (looked for {full})" : problem)}");
                break;
            }

            reached[full] = current;
            inChain.Add(full);
            if (extendedAt is not null)
            {
                inherited.Add(full);
            }

            if (YamlProcfileReader.Parse(text, current, errors, emptyAllowed || extendedAt is not null) is not { } root)
            {
                break;
            }

            YamlProvenance.Record(root, current);
            chain.Add(new YamlSourceFile(current, root));
            if (YamlMappingReader.ValueOf(root, ExtendsKey) is not { } extends)
            {
                break;
            }

            var at = YamlMappingReader.PositionOf(current, extends);
            if (extends is not YamlScalarNode { Value: { Length: > 0 } target } || YamlMappingReader.IsNull(extends))
            {
                errors.Add(at, $"`{ExtendsKey}` at the top level: expected the name of the file to inherit, got {YamlMappingReader.Describe(extends)}");
                break;
            }

            if (!ProcfileLoader.IsYaml(target))
            {
                errors.Add(at, $"`{ExtendsKey}` names `{target}`, which is not a YAML file (.yml, .yaml): a classic Procfile cannot be inherited");
                break;
            }

            extendedAt = at;
            current = Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(current) ?? string.Empty, target);
        }

        chain.Reverse();
        return chain;
    }

    private static void Report(ErrorCollector errors, SourcePosition? at, string file, string message)
    {
        if (at is not null)
        {
            errors.Add(at, message);
        }
        else
        {
            errors.Add(file, message);
        }
    }
}
