using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Expands <c>$VAR</c> in a configuration's values once it is parsed, from ProcMan's environment
/// and the top-level env files (the default <c>.env</c> unless turned off), the latter winning
/// (in a process-compose file the former, as there).
/// process-compose expands the file's text before parsing it; expanding each value instead keeps
/// every value's position for errors, and a value can never change the file's structure.
/// Top-level <c>disable_env_expansion: true</c> turns it off (then <c>$$</c> also stays as written).
/// </summary>
internal static class LoadTimeExpansion
{
    public const string DisableKey = "disable_env_expansion";
    public const string DotEnvDisabledKey = "is_dotenv_disabled";
    private const string DefaultEnvFile = ".env";

    public static void Apply(YamlMappingNode root, ExpansionContext context, string file, ErrorCollector errors)
    {
        if (IsTrue(root, DisableKey))
        {
            return;
        }

        var variables = new Lazy<IReadOnlyDictionary<string, string>>(() => Variables(root, context, file));
        string? Lookup(string name) => variables.Value.TryGetValue(name, out var value) ? value : null;

        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var scalar in Values(root, visited))
        {
            if (scalar.Value is not { } text || !VariableExpansion.MayExpand(text))
            {
                continue;
            }

            var expanded = VariableExpansion.TryExpand(text, Lookup, out var value, out var problem);
            if (context.Dialect == ConfigurationDialect.ProcessCompose)
            {
                if (!expanded)
                {
                    errors.Add(YamlMappingReader.PositionOf(file, scalar), $"cannot expand `{text}`: {problem}");
                    continue;
                }

                if (value != text)
                {
                    ExpandedValues.Rewritten(scalar, text);
                    scalar.Value = value;
                }
            }
            else
            {
                ExpandedValues.Deferred(scalar, new TypedExpansion(text, expanded ? value : null, expanded ? null : problem));
            }
        }
    }

    /// <summary>Every scalar value (not keys) under <paramref name="node"/>, each once even when aliased.</summary>
    private static IEnumerable<YamlScalarNode> Values(YamlNode node, HashSet<YamlNode> visited)
    {
        if (!visited.Add(node))
        {
            yield break;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                yield return scalar;
                break;
            case YamlSequenceNode sequence:
                foreach (var scalar in sequence.Children.SelectMany(item => Values(item, visited)))
                {
                    yield return scalar;
                }

                break;
            case YamlMappingNode mapping:
                foreach (var scalar in mapping.Children.Values.SelectMany(value => Values(value, visited)))
                {
                    yield return scalar;
                }

                break;
        }
    }

    /// <summary>
    /// ProcMan's environment with the top-level env files over it: the file's top-level
    /// <c>env_file</c> and <c>--env-file</c>, else the default <c>.env</c> beside the file. Their
    /// errors are left to the environment's own reading of the same files, which reports them.
    /// </summary>
    private static Dictionary<string, string> Variables(YamlMappingNode root, ExpansionContext context, string file)
    {
        var variables = new Dictionary<string, string>(context.Inherited, StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(file) ?? string.Empty;
        var named = EnvFileNames(root).Select(name => Path.Combine(directory, name)).ToList();
        if (context.EnvFiles is { } fromCommandLine)
        {
            named.AddRange(fromCommandLine);
        }
        else if (named.Count == 0 && !HasKey(root, "env_file") && !context.NoEnvFile && !IsTrue(root, DotEnvDisabledKey))
        {
            named.Add(Path.Combine(directory, DefaultEnvFile));
        }

        foreach (var path in named)
        {
            if (BoundedFileReader.Read(path, out _) is not { } text)
            {
                continue;
            }

            foreach (var variable in DotEnvParser.Parse(text, path, context.Inherited, new ErrorCollector()))
            {
                if (EnvFilePrecedence.Applies(context.Dialect, context.Inherited, variable.Name))
                {
                    variables[variable.Name] = variable.Value;
                }
            }
        }

        return variables;
    }

    private static IEnumerable<string> EnvFileNames(YamlMappingNode root) => YamlMappingReader.ValueOf(root, "env_file") switch
    {
        YamlScalarNode { Value: { Length: > 0 } single } => [single],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(item => item.Value).OfType<string>(),
        _ => [],
    };

    private static bool IsTrue(YamlMappingNode root, string key) =>
        YamlMappingReader.ValueOf(root, key) is YamlScalarNode { Value: "true" };

    private static bool HasKey(YamlMappingNode root, string key) => YamlMappingReader.ValueOf(root, key) is not null;
}
