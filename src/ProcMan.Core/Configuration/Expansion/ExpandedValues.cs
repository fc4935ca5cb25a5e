using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// What expansion did to each scalar, kept beside the node (whose position stays the original
/// one) so that typed reads can use the expanded text and errors can say what it came from.
/// </summary>
internal static class ExpandedValues
{
    /// <summary>The text as written, for every scalar whose value expansion rewrote.</summary>
    private static readonly ConditionalWeakTable<YamlScalarNode, string> Originals = new();

    /// <summary>The expansion a typed read applies, for scalars left as written (ProcMan's dialect).</summary>
    private static readonly ConditionalWeakTable<YamlScalarNode, TypedExpansion> ForTypedReads = new();

    public static void Rewritten(YamlScalarNode node, string original) => Originals.AddOrUpdate(node, original);

    public static void Deferred(YamlScalarNode node, TypedExpansion expansion) => ForTypedReads.AddOrUpdate(node, expansion);

    /// <summary>The text as the file wrote it, when expansion changed it.</summary>
    public static string? OriginalOf(YamlNode node) =>
        node is YamlScalarNode scalar && Originals.TryGetValue(scalar, out var original) ? original : null;

    /// <summary>The expansion a typed read of <paramref name="node"/> must apply, if any.</summary>
    public static TypedExpansion? ForTypedRead(YamlNode node) =>
        node is YamlScalarNode scalar && ForTypedReads.TryGetValue(scalar, out var expansion) ? expansion : null;
}

/// <summary>A typed value's expansion: its text, or why it could not be expanded.</summary>
internal sealed record TypedExpansion(string Original, string? Value, string? Problem);
