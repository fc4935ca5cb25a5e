using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProcMan.Configuration;

/// <summary>
/// Finds every duplicate key (and the syntax error, if any) by walking the parser's events.
/// YamlDotNet's representation model throws on the first duplicate key while loading; scanning
/// first lets one run report all of them, each with the line of the first definition.
/// The walk also enforces the bounds the model would otherwise run into: it recurses once per
/// level of nesting (a deep file overflows the stack, which no catch survives) and aliases
/// multiply what the readers copy (see <see cref="ConfigurationLimits"/>).
/// </summary>
internal static class YamlDuplicateKeyScanner
{
    /// <summary>Reports problems into <paramref name="errors"/>; true when the text is safe to load.</summary>
    public static bool Scan(string text, string file, ErrorCollector errors)
    {
        var clean = true;
        var frames = new Stack<Frame>();
        var anchoredSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var expanded = 0L;
        var last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case MappingStart or SequenceStart or Scalar or AnchorAlias:
                        if (frames.TryPeek(out var parent) && parent.Keys is { } keys)
                        {
                            if (parent.ExpectingKey && current is Scalar { Value: var key } scalar)
                            {
                                if (!keys.TryAdd(key, scalar.Start.Line))
                                {
                                    errors.Add(At(file, scalar.Start), $"duplicate key `{key}` (first defined on line {keys[key]})");
                                    clean = false;
                                }
                            }

                            parent.ExpectingKey = !parent.ExpectingKey;
                        }

                        // Every node counts at least 1, so that empty ones cannot be multiplied for free.
                        expanded += current switch
                        {
                            Scalar { Value: var value } => value.Length + 1,
                            AnchorAlias { Value: var name } => anchoredSizes.GetValueOrDefault(name.Value, 1),
                            _ => 1,
                        };
                        if (expanded > ConfigurationLimits.MaximumExpandedCharacters)
                        {
                            errors.Add(
                                At(file, current.Start),
                                $"the document stands for more than {ConfigurationLimits.MaximumExpandedCharacters / (1024 * 1024)} Mi characters once its aliases are expanded, the most ProcMan accepts");
                            return false;
                        }

                        if (current is Scalar { Anchor: { IsEmpty: false } scalarAnchor } anchoredScalar)
                        {
                            anchoredSizes[scalarAnchor.Value] = anchoredScalar.Value.Length + 1;
                        }

                        if (current is MappingStart or SequenceStart)
                        {
                            if (frames.Count >= ConfigurationLimits.MaximumNestingDepth)
                            {
                                errors.Add(
                                    At(file, current.Start),
                                    $"mappings and lists nest more than {ConfigurationLimits.MaximumNestingDepth} levels deep here, the most ProcMan accepts");
                                return false;
                            }

                            var anchor = current is NodeEvent { Anchor: { IsEmpty: false } named } ? named.Value : null;
                            frames.Push(new Frame(current is MappingStart ? new Dictionary<string, long>(StringComparer.Ordinal) : null, anchor, expanded - 1));
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        if (frames.TryPop(out var closed) && closed.Anchor is { } closedAnchor)
                        {
                            anchoredSizes[closedAnchor] = expanded - closed.ExpandedBefore;
                        }

                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            errors.Add(SyntaxErrorPosition(text, file, exception), $"invalid YAML: {exception.Message}{YamlHints.ForSyntaxError(text, exception)}");
            clean = false;
        }
        catch (Exception exception) when (IsParserFailure(exception))
        {
            errors.Add(At(file, last), $"invalid YAML: {exception.Message}");
            clean = false;
        }

        return clean;
    }

    /// <summary>
    /// What YamlDotNet may throw besides <see cref="YamlException"/> on malformed input (its
    /// scanner and parser reach states they do not expect): all of it is the text's fault, so
    /// it is reported as invalid YAML rather than escaping as an internal error.
    /// </summary>
    internal static bool IsParserFailure(Exception exception) =>
        exception is InvalidOperationException or ArgumentException or FormatException or OverflowException
            or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or InvalidCastException;

    internal static SourcePosition At(string file, Mark mark) =>
        new(file, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    /// <summary>
    /// Where a syntax error is. YamlDotNet places "invalid tab as indentation" at the start of the
    /// enclosing mapping (often line 1), so that one points at the first tab-indented line instead.
    /// </summary>
    internal static SourcePosition SyntaxErrorPosition(string text, string file, YamlException exception)
    {
        if (exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
                var tab = lines[i].IndexOf('\t');
                if (tab >= 0 && tab < indentation)
                {
                    return new SourcePosition(file, i + 1, tab + 1);
                }
            }
        }

        return At(file, exception.Start);
    }

    /// <summary>An open mapping (with the keys seen so far) or sequence (no keys).</summary>
    private sealed class Frame(Dictionary<string, long>? keys, string? anchor, long expandedBefore)
    {
        public Dictionary<string, long>? Keys { get; } = keys;

        /// <summary>The anchor this mapping or list carries, whose expanded size is known at its end.</summary>
        public string? Anchor { get; } = anchor;

        public long ExpandedBefore { get; } = expandedBefore;

        public bool ExpectingKey { get; set; } = true;
    }
}
