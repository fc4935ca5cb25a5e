using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Reads <c>depends_on</c>: docker compose's long form (<c>{db: {condition: process_healthy}}</c>)
/// or its short form, a list of names that each wait for <c>process_started</c>. Whether the
/// names exist is checked later, when the whole file is known (<see cref="DependencyGraph"/>).
/// </summary>
internal static class YamlDependsOnReader
{
    private const string Key = "depends_on";
    private const string ConditionKey = "condition";

    /// <summary>The file's spelling of each condition.</summary>
    public static readonly IReadOnlyDictionary<string, DependencyCondition> Conditions = new Dictionary<string, DependencyCondition>(StringComparer.Ordinal)
    {
        ["process_started"] = DependencyCondition.ProcessStarted,
        ["process_healthy"] = DependencyCondition.ProcessHealthy,
        ["process_log_ready"] = DependencyCondition.ProcessLogReady,
        ["process_completed"] = DependencyCondition.ProcessCompleted,
        ["process_completed_successfully"] = DependencyCondition.ProcessCompletedSuccessfully,
    };

    public static string NameOf(DependencyCondition condition) => Conditions.First(entry => entry.Value == condition).Key;

    public static IReadOnlyList<Dependency> Read(YamlMappingReader process, ErrorCollector errors)
    {
        var dependencies = new List<Dependency>();
        switch (process.Node(Key))
        {
            case null:
                break;
            case YamlMappingNode mapping:
                foreach (var (nameNode, body) in mapping.Children)
                {
                    if (Target(nameNode, process, errors) is { } target)
                    {
                        var condition = Condition(target, body, process, errors);
                        dependencies.Add(new Dependency(target, condition, process.PositionOf(nameNode)));
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var nameNode in list.Children)
                {
                    if (Target(nameNode, process, errors) is not { } target)
                    {
                        continue;
                    }

                    // The mapping form gets this from the duplicate key scan; a list needs its own.
                    if (dependencies.Any(d => d.Target == target))
                    {
                        errors.Add(process.PositionOf(nameNode), $"`{Key}` {process.Owner}: `{target}` is listed twice");
                        continue;
                    }

                    dependencies.Add(new Dependency(target, DependencyCondition.ProcessStarted, process.PositionOf(nameNode)));
                }

                break;
            case var other:
                errors.Add(
                    process.PositionOf(other),
                    $"`{Key}` {process.Owner}: expected a mapping of process names (`db: {{condition: process_healthy}}`) or a list of names, got {YamlMappingReader.Describe(other)}");
                break;
        }

        return dependencies;
    }

    private static string? Target(YamlNode nameNode, YamlMappingReader process, ErrorCollector errors)
    {
        if (nameNode is YamlScalarNode { Value: { Length: > 0 } name } && !YamlMappingReader.IsNull(nameNode))
        {
            return name;
        }

        errors.Add(process.PositionOf(nameNode), $"`{Key}` {process.Owner}: expected a process name, got {YamlMappingReader.Describe(nameNode)}");
        return null;
    }

    /// <summary><c>db:</c> and <c>db: {}</c> mean the default, <c>process_started</c>.</summary>
    private static DependencyCondition Condition(string target, YamlNode body, YamlMappingReader process, ErrorCollector errors)
    {
        if (YamlMappingReader.IsNull(body))
        {
            return DependencyCondition.ProcessStarted;
        }

        if (body is not YamlMappingNode mapping)
        {
            errors.Add(
                process.PositionOf(body),
                $"`{Key}.{target}` {process.Owner}: expected a mapping (`{{{ConditionKey}: process_healthy}}`), got {YamlMappingReader.Describe(body)}");
            return DependencyCondition.ProcessStarted;
        }

        var entry = new YamlMappingReader(mapping, process.PositionOf(body).File, process.NestedOwner($"{Key}.{target}"), errors);
        var condition = entry.Choice(ConditionKey, Conditions.Keys.ToList());
        entry.ReportUnknownKeys(KeySection.Dependency);
        return condition is null ? DependencyCondition.ProcessStarted : Conditions[condition];
    }
}
