using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// The templated scalars of one process whose templates use <c>{{.PC_REPLICA_NUM}}</c>, with
/// the text each had before rendering: process-compose renders a process's templates once per
/// replica, so the loader renders them again for each replica's number and reads the process anew.
/// </summary>
/// <param name="Scalars">Each templated scalar of the process and its template text.</param>
/// <param name="Vars">The process's vars (top-level and its own), without the replica's number.</param>
internal sealed record ReplicaTemplates(
    IReadOnlyList<(YamlScalarNode Scalar, string Template)> Scalars,
    IReadOnlyDictionary<string, string> Vars)
{
    /// <summary>The var process-compose sets to each replica's 0-based number.</summary>
    public const string ReplicaNumberVar = "PC_REPLICA_NUM";

    /// <summary>The vars with <see cref="ReplicaNumberVar"/> set to <paramref name="replicaNumber"/>, which no var of the file can override.</summary>
    public static Dictionary<string, string> WithReplicaNumber(IReadOnlyDictionary<string, string> vars, int replicaNumber) =>
        new(vars, StringComparer.Ordinal) { [ReplicaNumberVar] = replicaNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Whether <paramref name="template"/> refers to the replica's number (and so renders differently per replica).</summary>
    public static bool UsesReplicaNumber(string template) => template.Contains(ReplicaNumberVar, StringComparison.Ordinal);

    /// <summary>
    /// Sets every scalar to its template rendered for <paramref name="replicaNumber"/>. Each one
    /// rendered for replica 0 already, so only the number changes and no new problem can arise.
    /// </summary>
    public void RenderFor(int replicaNumber)
    {
        var vars = WithReplicaNumber(Vars, replicaNumber);
        foreach (var (scalar, template) in Scalars)
        {
            if (TemplateText.TryRender(template, vars, out var rendered, out _))
            {
                scalar.Value = rendered;
            }
        }
    }
}
