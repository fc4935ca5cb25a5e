using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProcMan.Configuration;

/// <summary>
/// Finds every duplicate key (and the syntax error, if any) by walking the parser's events.
/// YamlDotNet's representation model throws on the first duplicate key while loading; scanning
/// first lets one run report all of them, each with the line of the first definition.
/// </summary>
internal static class YamlDuplicateKeyScanner
{
    /// <summary>Reports problems into <paramref name="errors"/>; true when the text is safe to load.</summary>
    public static bool Scan(string text, string file, ErrorCollector errors)
    {
        var clean = true;
        var frames = new Stack<Frame>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart or Scalar or AnchorAlias:
                        if (frames.TryPeek(out var parent) && parent.Keys is { } keys)
                        {
                            if (parent.ExpectingKey && parser.Current is Scalar { Value: var key } scalar)
                            {
                                if (!keys.TryAdd(key, scalar.Start.Line))
                                {
                                    errors.Add(
                                        new SourcePosition(file, (int)scalar.Start.Line, (int)scalar.Start.Column),
                                        $"duplicate key `{key}` (first defined on line {keys[key]})");
                                    clean = false;
                                }
                            }

                            parent.ExpectingKey = !parent.ExpectingKey;
                        }

                        if (parser.Current is MappingStart)
                        {
                            frames.Push(new Frame(new Dictionary<string, long>(StringComparer.Ordinal)));
                        }
                        else if (parser.Current is SequenceStart)
                        {
                            frames.Push(new Frame(null));
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            errors.Add(SyntaxErrorPosition(text, file, exception), $"invalid YAML: {exception.Message}");
            clean = false;
        }

        return clean;
    }

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

        return new SourcePosition(file, (int)exception.Start.Line, (int)exception.Start.Column);
    }

    /// <summary>An open mapping (with the keys seen so far) or sequence (no keys).</summary>
    private sealed class Frame(Dictionary<string, long>? keys)
    {
        public Dictionary<string, long>? Keys { get; } = keys;

        public bool ExpectingKey { get; set; } = true;
    }
}
