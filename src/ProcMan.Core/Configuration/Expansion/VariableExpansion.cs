using System.Text;

namespace ProcMan.Configuration;

/// <summary>
/// Expands <c>$NAME</c> and <c>${NAME}</c> the way process-compose's loader does (envsubst):
/// an unset variable becomes empty, <c>$$</c> is a literal <c>$</c>, and the shell's default
/// forms are understood: <c>${NAME:-word}</c>, <c>${NAME-word}</c>, <c>${NAME:=word}</c>,
/// <c>${NAME=word}</c>, <c>${NAME:+word}</c>, <c>${NAME+word}</c>, <c>${NAME:?message}</c> and
/// <c>${NAME?message}</c>. The word is expanded in turn. Other forms (<c>${#NAME}</c>,
/// <c>${NAME/a/b}</c>, <c>${NAME:1:2}</c>...) are refused rather than guessed at. A <c>$</c>
/// followed by anything but a name or <c>{</c> stays as written.
/// </summary>
internal static class VariableExpansion
{
    /// <summary>The forms an error lists as understood.</summary>
    public const string Understood = "`$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+other}`, `${NAME:?message}` and `$$` for a literal `$`";

    /// <summary>True when <paramref name="text"/> contains anything expansion would change.</summary>
    public static bool MayExpand(string text) => text.Contains('$');

    /// <summary>
    /// <paramref name="text"/> with every reference replaced by its value from <paramref name="lookup"/>
    /// (null for unset); false with a one-sentence reason when a reference cannot be expanded.
    /// </summary>
    public static bool TryExpand(string text, Func<string, string?> lookup, out string expanded, out string problem)
    {
        var builder = new StringBuilder(text.Length);
        var index = 0;
        var ok = Expand(text, ref index, lookup, builder, insideBraces: false, out problem);
        expanded = builder.ToString();
        return ok;
    }

    private static bool Expand(string text, ref int index, Func<string, string?> lookup, StringBuilder output, bool insideBraces, out string problem)
    {
        problem = string.Empty;
        var depth = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (insideBraces && c == '}' && depth == 0)
            {
                return true;
            }

            if (insideBraces && c == '{')
            {
                depth++;
            }
            else if (insideBraces && c == '}')
            {
                depth--;
            }

            if (c != '$' || index + 1 >= text.Length)
            {
                output.Append(c);
                index++;
                continue;
            }

            var next = text[index + 1];
            if (next == '$')
            {
                output.Append('$');
                index += 2;
            }
            else if (IsNameCharacter(next))
            {
                var start = index + 1;
                index = start;
                while (index < text.Length && IsNameCharacter(text[index]))
                {
                    index++;
                }

                output.Append(lookup(text[start..index]) ?? string.Empty);
            }
            else if (next == '{')
            {
                if (!Braced(text, ref index, lookup, output, out problem))
                {
                    return false;
                }
            }
            else
            {
                output.Append(c);
                index++;
            }
        }

        if (insideBraces)
        {
            problem = "a `${` is never closed with `}`";
            return false;
        }

        return true;
    }

    /// <summary>One <c>${...}</c> starting at <paramref name="index"/>; leaves the index after its <c>}</c>.</summary>
    private static bool Braced(string text, ref int index, Func<string, string?> lookup, StringBuilder output, out string problem)
    {
        problem = string.Empty;
        var opening = index;
        index += 2;
        var start = index;
        while (index < text.Length && IsNameCharacter(text[index]))
        {
            index++;
        }

        var name = text[start..index];
        if (index >= text.Length)
        {
            problem = $"`{text[opening..]}` is never closed with `}}`";
            return false;
        }

        var value = name.Length > 0 ? lookup(name) : null;
        if (name.Length > 0 && text[index] == '}')
        {
            output.Append(value ?? string.Empty);
            index++;
            return true;
        }

        var colon = text[index] == ':';
        var operatorAt = colon ? index + 1 : index;
        if (name.Length == 0 || operatorAt >= text.Length || text[operatorAt] is not ('-' or '=' or '+' or '?'))
        {
            problem = $"`{Reference(text, opening)}` is a form ProcMan does not expand; it understands {Understood}";
            return false;
        }

        var form = text[operatorAt];
        index = operatorAt + 1;
        var word = new StringBuilder();
        if (!Expand(text, ref index, lookup, word, insideBraces: true, out problem))
        {
            problem = problem.StartsWith("a `${`", StringComparison.Ordinal) ? $"`{text[opening..]}` is never closed with `}}`" : problem;
            return false;
        }

        index++;
        var unset = value is null || (colon && value.Length == 0);
        switch (form)
        {
            case '-' or '=':
                output.Append(unset ? word.ToString() : value);
                return true;
            case '+':
                output.Append(unset ? string.Empty : word.ToString());
                return true;
            default:
                if (unset)
                {
                    var message = word.Length > 0 ? word.ToString() : "it is required";
                    problem = $"{name} is not set ({message})";
                    return false;
                }

                output.Append(value);
                return true;
        }
    }

    /// <summary>The reference as written, from its <c>$</c> to its <c>}</c> (or the end).</summary>
    private static string Reference(string text, int opening)
    {
        var close = text.IndexOf('}', opening);
        return close < 0 ? text[opening..] : text[opening..(close + 1)];
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
