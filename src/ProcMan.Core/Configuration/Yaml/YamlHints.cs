using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// What to do about the YAML mistakes people make in a procfile, where YamlDotNet's words
/// describe the parser's state ("found invalid mapping") rather than the fix.
/// </summary>
internal static class YamlHints
{
    /// <summary>Keys of a process's sections that people write on the process itself.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProcessSectionKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["restart"] = "availability.restart",
        ["backoff_seconds"] = "availability.backoff_seconds",
        ["max_restarts"] = "availability.max_restarts",
        ["exit_on_end"] = "availability.exit_on_end",
        ["exit_on_skipped"] = "availability.exit_on_skipped",
        ["success_exit_codes"] = "availability.success_exit_codes",
        ["timeout_seconds"] = "shutdown.timeout_seconds",
        ["signal"] = "shutdown.signal",
    };

    /// <summary>
    /// " A `: ` inside a value ..." for the commonest syntax error, an unquoted shell line with
    /// `: ` in it (`command: echo time: now`), else nothing.
    /// </summary>
    public static string ForSyntaxError(string text, YamlException exception)
    {
        if (!exception.Message.Contains("mapping", StringComparison.OrdinalIgnoreCase))
            return "";
        var lines = text.Split('\n');
        var index = (int)exception.Start.Line - 1;
        if (index < 0 || index >= lines.Length)
            return "";
        var line = lines[index].TrimEnd('\r').Trim();
        var separator = line.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0 || line.StartsWith('#'))
            return "";
        var key = line[..separator];
        var value = line[(separator + 2)..].Trim();
        if (!value.Contains(": ", StringComparison.Ordinal) || value.StartsWith('"') || value.StartsWith('\''))
            return "";
        var quoted = value.Contains('"') ? $"'{value.Replace("'", "''", StringComparison.Ordinal)}'" : $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal)}\"";
        return $" A `: ` inside a value starts a mapping; quote the whole value: {key}: {quoted}";
    }

    /// <summary>For `command: [node, server.js]`: the same list is an `entrypoint`.</summary>
    public static string ForListCommand(YamlSequenceNode list) =>
        $"; for a list of arguments use `entrypoint: [{string.Join(", ", list.Children.Select(item => item is YamlScalarNode { Value: { } value } ? value : "..."))}]`";
}
