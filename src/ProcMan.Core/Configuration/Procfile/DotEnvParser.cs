using System.Text;

namespace ProcMan.Configuration;

/// <summary>
/// Reads <c>.env</c> files with the grammar of the godotenv/dotenv family, so files shared with
/// docker compose, foreman or honcho mean the same thing here:
/// <list type="bullet">
/// <item><c>KEY=VALUE</c> or <c>KEY: VALUE</c>, optional <c>export </c>, spaces around the separator;</item>
/// <item>unquoted values are trimmed and a <c>#</c> preceded by whitespace starts a comment;</item>
/// <item><c>'single'</c> quotes are literal, <c>"double"</c> quotes understand <c>\n \r \t \" \\ \$</c>; both may span lines;</item>
/// <item><c>$VAR</c> and <c>${VAR}</c> expand (not in single quotes) from keys defined earlier in
/// the same file, then from the inherited environment, else to nothing; <c>\$</c> is a literal dollar.</item>
/// </list>
/// Anything else is an error naming the line: silently skipping a line would lose a variable.
/// </summary>
internal static class DotEnvParser
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="ConfigurationException"/> listing every bad line.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="file">The file's name as shown in errors.</param>
    /// <param name="inherited">Where <c>$VAR</c> looks after the keys defined earlier in the file.</param>
    public static IReadOnlyList<EnvironmentVariable> Parse(
        string text, string file, IReadOnlyDictionary<string, string> inherited)
    {
        var errors = new ErrorCollector();
        var variables = Parse(text, file, inherited, errors);
        errors.ThrowIfAny();
        return variables;
    }

    internal static IReadOnlyList<EnvironmentVariable> Parse(
        string text, string file, IReadOnlyDictionary<string, string> inherited, ErrorCollector errors) =>
        new Reader(text, file, inherited, errors).ReadAll();

    /// <summary>A cursor over one file's text; positions are indexes into the LF-normalised text.</summary>
    private sealed class Reader(string text, string file, IReadOnlyDictionary<string, string> inherited, ErrorCollector errors)
    {
        private readonly string _text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        private readonly Dictionary<string, string> _defined = new(StringComparer.Ordinal);
        private readonly List<EnvironmentVariable> _variables = [];
        private int[]? _lineStarts;
        private int _index;

        /// <summary>The characters of every value so far, bounded: <c>A=$A$A</c> doubles per line.</summary>
        private long _expanded;
        private bool _overflowed;

        public IReadOnlyList<EnvironmentVariable> ReadAll()
        {
            while (_index < _text.Length)
            {
                SkipBlanks();
                if (AtEndOfLine())
                {
                    _index++;
                    continue;
                }

                if (_text[_index] == '#')
                {
                    SkipRestOfLine();
                    continue;
                }

                if (!ReadAssignment())
                {
                    SkipRestOfLine();
                }
            }

            return _variables;
        }

        /// <summary>Reads one <c>KEY=VALUE</c>; false (with an error reported) when the line is not one.</summary>
        private bool ReadAssignment()
        {
            if (IsAt("export") && _index + 6 < _text.Length && _text[_index + 6] is ' ' or '\t')
            {
                _index += 6;
                SkipBlanks();
            }

            var keyStart = _index;
            if (AtEndOfLine() || !IsKeyStart(_text[_index]))
            {
                // The line itself is not quoted: it may hold a secret.
                errors.Add(PositionOf(keyStart), "expected KEY=VALUE: a line must start with a variable name (a letter or `_`)");
                return false;
            }

            while (_index < _text.Length && IsKeyPart(_text[_index]))
            {
                _index++;
            }

            var key = _text[keyStart.._index];
            SkipBlanks();
            if (AtEndOfLine() || _text[_index] is not ('=' or ':'))
            {
                errors.Add(PositionOf(_index), $"expected `=` after `{key}`");
                return false;
            }

            _index++;
            var rawValueStart = _index;
            SkipBlanks();

            var value = (_index < _text.Length ? _text[_index] : '\n') switch
            {
                '\'' => ReadQuoted('\'', key),
                '"' => ReadQuoted('"', key),
                _ => ReadUnquoted(rawValueStart),
            };

            if (value is null)
            {
                return false;
            }

            _expanded += value.Length;
            if (_overflowed || _expanded > ConfigurationLimits.MaximumExpandedCharacters)
            {
                TooLarge(keyStart);
                return false;
            }

            // The environment is handed to the child as C strings, which end at a NUL.
            if (value.Contains('\0'))
            {
                errors.Add(PositionOf(keyStart), $"the value of `{key}` contains a NUL character, which no environment variable can hold");
                return false;
            }

            _defined[key] = value;
            _variables.Add(new EnvironmentVariable(key, value) { At = PositionOf(keyStart) });
            return true;
        }

        private string ReadUnquoted(int rawValueStart)
        {
            SkipRestOfLine();
            var raw = _text[rawValueStart.._index].TrimEnd('\n');

            // A '#' starts a comment only after whitespace, so URLs with fragments and colours
            // like "#fff" written without a space survive.
            for (var i = 1; i < raw.Length; i++)
            {
                if (raw[i] == '#' && raw[i - 1] is ' ' or '\t')
                {
                    raw = raw[..i];
                    break;
                }
            }

            return Interpolate(raw.Trim(), doubleQuoted: false);
        }

        /// <summary>Reads a quoted value and the rest of its (last) line; null when it is malformed.</summary>
        private string? ReadQuoted(char quote, string key)
        {
            var opening = _index;
            var close = _index + 1;
            while (close < _text.Length && _text[close] != quote)
            {
                // In double quotes a backslash protects the next character, including a quote.
                close += quote == '"' && _text[close] == '\\' ? 2 : 1;
            }

            if (close >= _text.Length)
            {
                errors.Add(PositionOf(opening), $"unterminated {(quote == '"' ? "double" : "single")}-quoted value (the quote opened here is never closed)");
                _index = _text.Length;
                return null;
            }

            var inner = _text[(opening + 1)..close];
            _index = close + 1;
            SkipBlanks();
            if (!AtEndOfLine() && _text[_index] != '#')
            {
                errors.Add(PositionOf(_index), $"unexpected characters after the closing quote of `{key}`'s value");
                return null;
            }

            SkipRestOfLine();
            return quote == '"' ? Interpolate(inner, doubleQuoted: true) : inner;
        }

        /// <summary>Applies escapes and expands variables in one left-to-right pass, so <c>\$</c> stays literal.</summary>
        private string Interpolate(string raw, bool doubleQuoted)
        {
            var result = new StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '\\' && i + 1 < raw.Length && Unescape(raw[i + 1], doubleQuoted) is char escaped)
                {
                    result.Append(escaped);
                    i++;
                }
                else if (c == '$' && TryExpand(raw, ref i, result))
                {
                    // i now points at the variable's last character.
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        private static char? Unescape(char c, bool doubleQuoted) => (c, doubleQuoted) switch
        {
            ('$', _) => '$',
            ('n', true) => '\n',
            ('r', true) => '\r',
            ('t', true) => '\t',
            ('"', true) => '"',
            ('\\', true) => '\\',
            _ => null, // Other backslashes are kept as written, like the dotenv family does.
        };

        /// <summary>Expands <c>$NAME</c> or <c>${NAME}</c> starting at <paramref name="i"/>; false when it is a plain dollar.</summary>
        private bool TryExpand(string raw, ref int i, StringBuilder result)
        {
            string name;
            var next = i + 1;
            if (next < raw.Length && raw[next] == '{')
            {
                var close = raw.IndexOf('}', next + 1);
                if (close < 0)
                {
                    return false;
                }

                name = raw[(next + 1)..close];
                i = close;
            }
            else
            {
                var end = next;
                while (end < raw.Length && (end == next ? IsKeyStart(raw[end]) : IsVariableNamePart(raw[end])))
                {
                    end++;
                }

                if (end == next)
                {
                    return false;
                }

                name = raw[next..end];
                i = end - 1;
            }

            var value = Lookup(name);
            if (_expanded + result.Length + value.Length > ConfigurationLimits.MaximumExpandedCharacters)
            {
                // Not appended, so the bound holds in memory too; the assignment reports it.
                _overflowed = true;
                return true;
            }

            result.Append(value);
            return true;
        }

        private void TooLarge(int at)
        {
            errors.Add(
                PositionOf(at),
                $"the values of this file add up to more than {ConfigurationLimits.MaximumExpandedCharacters / (1024 * 1024)} Mi characters once expanded, the most ProcMan accepts");
            _index = _text.Length;
        }

        private string Lookup(string name) =>
            _defined.TryGetValue(name, out var value) ? value
            : inherited.TryGetValue(name, out var inheritedValue) ? inheritedValue
            : string.Empty;

        private static bool IsKeyStart(char c) => char.IsAsciiLetter(c) || c == '_';

        private static bool IsKeyPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

        private static bool IsVariableNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        private bool IsAt(string word) => string.CompareOrdinal(_text, _index, word, 0, word.Length) == 0;

        private bool AtEndOfLine() => _index >= _text.Length || _text[_index] == '\n';

        private void SkipBlanks()
        {
            while (_index < _text.Length && _text[_index] is ' ' or '\t' or '\r')
            {
                _index++;
            }
        }

        private void SkipRestOfLine()
        {
            while (_index < _text.Length && _text[_index] != '\n')
            {
                _index++;
            }

            if (_index < _text.Length)
            {
                _index++;
            }
        }

        /// <summary>By a binary search of the line starts, found once: a file of bad lines would be quadratic otherwise.</summary>
        private SourcePosition PositionOf(int index)
        {
            _lineStarts ??= LineStarts(_text);
            var found = Array.BinarySearch(_lineStarts, index);
            var line = found >= 0 ? found : ~found - 1;
            return new SourcePosition(file, line + 1, index - _lineStarts[line] + 1);
        }

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return [.. starts];
        }
    }
}
