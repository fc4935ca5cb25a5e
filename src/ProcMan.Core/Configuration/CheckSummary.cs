using System.Text;

namespace ProcMan.Configuration;

/// <summary>
/// Renders what <c>procman check</c> prints: for each process in file order, how it would run.
/// Variable names are listed, never values, because env files hold secrets and check output
/// ends up in CI logs and bug reports.
/// </summary>
public static class CheckSummary
{
    private const string Indent = "  ";

    public static string Render(LoadedConfiguration configuration)
    {
        var document = configuration.Document;
        var text = new StringBuilder();
        text.Append(document.File).Append(": ")
            .Append(Count(document.Processes.Count, "process", "processes")).Append(", ")
            .Append(Count(configuration.Processes.Count, "instance", "instances")).Append(" to start")
            .Append('\n');

        foreach (var plan in configuration.Plans)
        {
            text.Append('\n').Append(plan.Definition.Name).Append(" (").Append(Status(plan)).Append(")\n");
            var rows = new List<(string Label, string Value)>();
            if (plan.Definition.Description is { } description)
            {
                rows.Add(("description", description));
            }

            rows.Add((plan.Definition.Entrypoint is null ? "command" : "entrypoint", plan.Definition.DisplayCommand));
            rows.Add(("directory", plan.Definition.WorkingDirectory));
            rows.Add(("port", plan.Instances.Count == 0 ? "-" : string.Join(", ", plan.Instances.Select(i => i.Environment["PORT"]))));
            rows.Add(("environment", plan.ConfiguredVariables.Count == 0 ? "-" : string.Join(", ", plan.ConfiguredVariables)));

            var width = rows.Max(row => row.Label.Length);
            foreach (var (label, value) in rows)
            {
                text.Append(Indent).Append(label.PadRight(width)).Append("  ").Append(value).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Status(ProcessPlan plan) => plan switch
    {
        { Definition.Disabled: true } => "disabled",
        { Replicas: 0 } => "0 replicas",
        { Instances.Count: 0 } => $"{Count(plan.Replicas, "replica", "replicas")}, not selected",
        _ => Count(plan.Replicas, "replica", "replicas"),
    };

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
