using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// process-compose reads its files with Go's yaml.v3, which still takes YAML 1.1's booleans
/// (<c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>, <c>y</c>, <c>n</c>) for a field that is a boolean,
/// and its own documentation writes <c>parent_only: no</c>. A process-compose file's plain scalars
/// are marked here so that a boolean key reads them as process-compose does; ProcMan's own files
/// keep YAML 1.2's <c>true</c>/<c>false</c>, where <c>yes</c> is a string.
/// </summary>
internal static class Yaml11Booleans
{
    private static readonly ConditionalWeakTable<YamlScalarNode, object> Marked = new();

    private static readonly string[] True = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"];

    private static readonly string[] False = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"];

    /// <summary>Marks every unquoted scalar under <paramref name="root"/> as read with YAML 1.1's booleans.</summary>
    public static void Allow(YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar)
            {
                Marked.AddOrUpdate(scalar, Marked);
            }
        }
    }

    /// <summary>The boolean <paramref name="text"/> (the node's value, expanded) is, when the node was marked.</summary>
    public static bool? Read(YamlNode node, string text) =>
        node is YamlScalarNode scalar && Marked.TryGetValue(scalar, out _)
            ? True.Contains(text, StringComparer.Ordinal) ? true : False.Contains(text, StringComparer.Ordinal) ? false : null
            : null;
}
