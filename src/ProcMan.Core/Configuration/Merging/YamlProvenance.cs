using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Which file each YAML node came from, once several files are merged into one tree. YamlDotNet
/// nodes know their line and column but not their file; this map, kept beside the nodes, lets
/// every error name the file the wrong value was written in. A mapping the merge builds from two
/// others stands for the earlier one, so an error about it points where it was first written.
/// </summary>
internal static class YamlProvenance
{
    private static readonly ConditionalWeakTable<YamlNode, string> Files = new();

    private static readonly ConditionalWeakTable<YamlNode, YamlNode> StandIns = new();

    /// <summary>Records <paramref name="file"/> for every node under <paramref name="root"/> not recorded yet.</summary>
    public static void Record(YamlNode root, string file)
    {
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (Files.TryGetValue(node, out _))
            {
                continue;
            }

            Files.Add(node, file);
            var children = node switch
            {
                YamlMappingNode mapping => mapping.Children.SelectMany(entry => new[] { entry.Key, entry.Value }),
                YamlSequenceNode sequence => sequence.Children,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Says that <paramref name="built"/>, made by the merge, stands for <paramref name="original"/> in errors.</summary>
    public static void StandsFor(YamlNode built, YamlNode original) => StandIns.AddOrUpdate(built, Original(original));

    /// <summary>Where <paramref name="node"/> was written: its recorded file, else <paramref name="file"/>.</summary>
    public static SourcePosition PositionOf(string file, YamlNode node)
    {
        var original = Original(node);
        return new(FileOf(original) ?? file, (int)original.Start.Line, (int)original.Start.Column);
    }

    /// <summary>The file <paramref name="node"/> was read from, or null when none was recorded.</summary>
    public static string? FileOf(YamlNode node) => Files.TryGetValue(Original(node), out var file) ? file : null;

    private static YamlNode Original(YamlNode node) => StandIns.TryGetValue(node, out var original) ? original : node;
}
