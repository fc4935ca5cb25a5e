using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Renders <c>{{.NAME}}</c> templates from <c>vars</c> (top level, and each process's over them)
/// in the fields process-compose renders: <c>command</c>, <c>working_dir</c>, <c>log_location</c>,
/// <c>description</c>, <c>environment</c> values and the probes' <c>exec.command</c> and
/// <c>http_get</c> fields. It runs after <c>$VAR</c> expansion, as process-compose does. In a
/// process-compose file every such field is a template (as there); in a ProcMan file only where
/// <c>vars</c> are declared, so a literal <c>{{</c> in an existing file keeps its meaning.
/// <c>is_template_disabled: true</c> leaves a process as written. <c>{{.PC_REPLICA_NUM}}</c> is
/// each replica's 0-based number, as in process-compose, which renders templates per replica.
/// </summary>
internal static class TemplateRendering
{
    public const string VarsKey = "vars";
    public const string DisabledKey = "is_template_disabled";

    private static readonly string[] RenderedFields = ["command", "working_dir", "log_location", "description", "environment"];
    private static readonly string[] Probes = ["readiness_probe", "liveness_probe"];
    private static readonly string[] HttpFields = ["path", "host", "scheme", "port"];

    /// <summary>Renders the templates of every process for replica 0; returns, for each process whose templates use the replica's number, what rendering them for another replica takes.</summary>
    public static IReadOnlyDictionary<YamlMappingNode, ReplicaTemplates> Apply(YamlMappingNode root, ConfigurationDialect dialect, string file, ErrorCollector errors)
    {
        var perReplica = new Dictionary<YamlMappingNode, ReplicaTemplates>(ReferenceEqualityComparer.Instance);
        var global = Vars(root, file, errors);
        if (YamlMappingReader.ValueOf(root, "processes") is not YamlMappingNode processes)
        {
            return perReplica;
        }

        foreach (var (nameNode, body) in processes.Children)
        {
            if (body is not YamlMappingNode process || YamlMappingReader.ValueOf(process, DisabledKey) is YamlScalarNode { Value: "true" })
            {
                continue;
            }

            var own = Vars(process, file, errors);
            if (dialect == ConfigurationDialect.ProcMan && global is null && own is null)
            {
                continue;
            }

            var vars = new Dictionary<string, string>(global ?? [], StringComparer.Ordinal);
            foreach (var (name, value) in own ?? [])
            {
                vars[name] = value;
            }

            var owner = nameNode is YamlScalarNode { Value: { } processName } ? $"process `{processName}`" : "a process";
            var templates = new List<(YamlScalarNode Scalar, string Template)>();
            var forFirstReplica = ReplicaTemplates.WithReplicaNumber(vars, 0);
            foreach (var (field, scalar) in Fields(process))
            {
                if (scalar.Value is { } template && TemplateText.HasTemplate(template))
                {
                    templates.Add((scalar, template));
                }

                Render(scalar, forFirstReplica, $"`{field}` in {owner}", file, errors);
            }

            if (templates.Any(entry => ReplicaTemplates.UsesReplicaNumber(entry.Template)))
            {
                perReplica[process] = new ReplicaTemplates(templates, vars);
            }
        }

        return perReplica;
    }

    private static void Render(YamlScalarNode scalar, IReadOnlyDictionary<string, string> vars, string where, string file, ErrorCollector errors)
    {
        if (scalar.Value is not { } text || !TemplateText.HasTemplate(text))
        {
            return;
        }

        if (!TemplateText.TryRender(text, vars, out var rendered, out var problem))
        {
            errors.Add(YamlMappingReader.PositionOf(file, scalar), $"template in {where}: {problem}; or set `{DisabledKey}: true` on the process to keep `{{{{` as written");
            return;
        }

        ExpandedValues.Rewritten(scalar, ExpandedValues.OriginalOf(scalar) ?? text);
        scalar.Value = rendered;
    }

    /// <summary>The scalars of <paramref name="process"/> that process-compose renders, with the key each sits under.</summary>
    private static IEnumerable<(string Field, YamlScalarNode Scalar)> Fields(YamlMappingNode process)
    {
        foreach (var field in RenderedFields)
        {
            foreach (var scalar in Scalars(YamlMappingReader.ValueOf(process, field)))
            {
                yield return (field, scalar);
            }
        }

        foreach (var probe in Probes)
        {
            if (YamlMappingReader.ValueOf(process, probe) is not YamlMappingNode settings)
            {
                continue;
            }

            if (YamlMappingReader.ValueOf(settings, "exec") is YamlMappingNode exec && YamlMappingReader.ValueOf(exec, "command") is YamlScalarNode command)
            {
                yield return ($"{probe}.exec.command", command);
            }

            if (YamlMappingReader.ValueOf(settings, "http_get") is YamlMappingNode http)
            {
                foreach (var field in HttpFields)
                {
                    if (YamlMappingReader.ValueOf(http, field) is YamlScalarNode value)
                    {
                        yield return ($"{probe}.http_get.{field}", value);
                    }
                }
            }
        }
    }

    /// <summary>A scalar itself, a list's scalar items, or a mapping's scalar values (an <c>environment</c> map).</summary>
    private static IEnumerable<YamlScalarNode> Scalars(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>(),
        YamlMappingNode map => map.Children.Values.OfType<YamlScalarNode>(),
        _ => [],
    };

    /// <summary>The <c>vars</c> of <paramref name="mapping"/>, or null when it declares none; a var's value must be a plain value.</summary>
    private static Dictionary<string, string>? Vars(YamlMappingNode mapping, string file, ErrorCollector errors)
    {
        switch (YamlMappingReader.ValueOf(mapping, VarsKey))
        {
            case null:
                return null;
            case YamlMappingNode declared:
                var vars = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in declared.Children)
                {
                    if (name is YamlScalarNode { Value: { } key } && value is YamlScalarNode scalar)
                    {
                        vars[key] = scalar.Value ?? string.Empty;
                    }
                    else
                    {
                        errors.Add(YamlMappingReader.PositionOf(file, value), $"`{VarsKey}`: each var must be a name and a plain value (a string, number or boolean), got {YamlMappingReader.Describe(value)}");
                    }
                }

                return vars;
            case var other:
                errors.Add(YamlMappingReader.PositionOf(file, other), $"`{VarsKey}` must be a mapping of names to values, got {YamlMappingReader.Describe(other)}");
                return null;
        }
    }
}
