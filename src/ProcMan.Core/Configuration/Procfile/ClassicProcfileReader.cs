using System.Text.RegularExpressions;

namespace ProcMan.Configuration;

/// <summary>
/// Reads a foreman-style Procfile: one <c>NAME: COMMAND</c> per line. The command is everything
/// after the first colon, trimmed and otherwise verbatim (colons and <c>#</c> included), because
/// it is handed to <c>/bin/sh -c</c> and the shell, not ProcMan, gives it meaning.
/// </summary>
internal static partial class ClassicProcfileReader
{
    public static ProcfileDocument? Read(string text, string file, string directory, ErrorCollector errors)
    {
        var processes = new List<ProcessDefinition>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var declaresSomething = false;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineNumber = i + 1;
            var content = line.TrimStart();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            declaresSomething = true;
            var indent = line.Length - content.Length;
            var colon = content.IndexOf(':');
            if (colon < 0)
            {
                errors.Add(new SourcePosition(file, lineNumber, indent + 1), $"expected `NAME: COMMAND`, got `{content.TrimEnd()}`");
                continue;
            }

            var name = content[..colon].TrimEnd();
            var at = new SourcePosition(file, lineNumber, indent + 1);
            if (!NamePattern().IsMatch(name))
            {
                errors.Add(at, $"invalid process name `{ProcessNames.Printable(name)}`: use letters, digits, `_` and `-`");
                continue;
            }

            if (ProcessNames.Problem(name) is { } problem)
            {
                errors.Add(at, problem);
            }

            var command = content[(colon + 1)..].Trim();
            if (command.Length == 0)
            {
                errors.Add(new SourcePosition(file, lineNumber, indent + colon + 2), $"process `{name}` has no command");
            }

            if (!firstLineOf.TryAdd(name, lineNumber))
            {
                errors.Add(at, $"duplicate process `{name}` (first defined on line {firstLineOf[name]})");
                continue;
            }

            processes.Add(new ProcessDefinition(
                name, processes.Count, command, Entrypoint: null, directory, Environment: [], EnvFiles: [],
                Replicas: 1, Disabled: false, Description: null, at));
        }

        if (!declaresSomething)
        {
            errors.Add(file, "no processes defined: expected lines of `NAME: COMMAND`");
            return null;
        }

        if (processes.Count > ConfigurationLimits.MaximumProcesses)
        {
            errors.Add(file, $"declares {processes.Count} processes, more than the {ConfigurationLimits.MaximumProcesses} ProcMan runs");
            return null;
        }

        // Only bad lines: they are reported; "no processes" on top would be noise.
        if (processes.Count == 0)
        {
            return null;
        }

        return new ProcfileDocument(file, directory, ProcfileFormat.Procfile, Version: null, EnvFiles: null, Environment: [], processes);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();
}
