using System.Text;
using System.Text.RegularExpressions;

namespace ProcMan.Configuration;

/// <summary>
/// The part of Go's text/template that process-compose files use: <c>{{.NAME}}</c>, with spaces
/// allowed inside the braces. Anything else (pipelines, functions, <c>if</c>, <c>range</c>) is
/// refused by name rather than rendered half right.
/// </summary>
internal static partial class TemplateText
{
    private const string Open = "{{";
    private const string Close = "}}";

    /// <summary>Whether <paramref name="text"/> holds a template at all.</summary>
    public static bool HasTemplate(string text) => text.Contains(Open, StringComparison.Ordinal);

    /// <summary>
    /// Renders every <c>{{.NAME}}</c> of <paramref name="text"/> from <paramref name="vars"/>;
    /// false with the reason when a template is not a field reference or names no var.
    /// </summary>
    public static bool TryRender(string text, IReadOnlyDictionary<string, string> vars, out string rendered, out string? problem)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        while (text.IndexOf(Open, at, StringComparison.Ordinal) is var start and >= 0)
        {
            result.Append(text, at, start - at);
            var end = text.IndexOf(Close, start + Open.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                return Fail($"`{text[start..]}` opens a template that is never closed with `}}}}`", out rendered, out problem);
            }

            var template = text[start..(end + Close.Length)];
            var reference = FieldReference().Match(text[(start + Open.Length)..end]);
            if (!reference.Success)
            {
                return Fail($"`{template}` is not supported: only var references such as `{{{{.NAME}}}}` are", out rendered, out problem);
            }

            var name = reference.Groups["name"].Value;
            if (!vars.TryGetValue(name, out var value))
            {
                var declared = vars.Count == 0 ? "no vars are declared" : $"declared: {string.Join(", ", vars.Keys.Order(StringComparer.Ordinal))}";
                return Fail($"`{template}` names no var (top-level or the process's `vars`; {declared})", out rendered, out problem);
            }

            result.Append(value);
            at = end + Close.Length;
        }

        result.Append(text, at, text.Length - at);
        rendered = result.ToString();
        problem = null;
        return true;
    }

    private static bool Fail(string why, out string rendered, out string? problem)
    {
        rendered = string.Empty;
        problem = why;
        return false;
    }

    [GeneratedRegex(@"^\s*\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex FieldReference();
}
