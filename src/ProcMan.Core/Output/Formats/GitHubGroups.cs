using System.Text;

namespace ProcMan.Output;

/// <summary>
/// In GitHub Actions, the last lines of each failed process once more, each in a collapsible
/// <c>::group::</c> of the job log, so that the failure is one click away however long the log.
/// </summary>
/// <remarks>
/// The lines are the children's, so <c>::stop-commands::</c> keeps any <c>::</c> line of theirs
/// from being taken as a workflow command (in <c>--raw</c> mode nothing else would).
/// </remarks>
internal static class GitHubGroups
{
    public const int LinesPerProcess = 50;

    /// <summary>Whether ProcMan runs in a GitHub Actions job.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>
    /// Writes the groups of the <paramref name="failed"/> instances; call once the drain is done,
    /// so the log hub has every line and stdout is free.
    /// </summary>
    public static void Write(BufferedOutput output, ILineFormat format, LogHub logs, IEnumerable<string> failed)
    {
        foreach (var name in failed)
        {
            var token = Guid.NewGuid().ToString("N");
            output.Append(Encoding.UTF8.GetBytes($"::group::{name} (last {LinesPerProcess} lines)\n::stop-commands::{token}\n"));
            // The process's own lines: ProcMan's events about it (kept among them) are in the log above the group.
            var (backlog, _) = logs.Subscribe(subject => subject == name, LogHub.DefaultLinesPerSource, follow: false);
            foreach (var entry in LastOwnLines(backlog, name))
            {
                var chunk = new OutputChunk(entry.Source, entry.Stream, entry.Lines, entry.Lines.Length, entry.Time) { Details = entry.Details };
                format.Write(chunk, output);
            }
            output.Append(Encoding.UTF8.GetBytes($"::{token}::\n::endgroup::\n"));
        }
        output.Flush();
    }

    private static IEnumerable<LogEntry> LastOwnLines(IReadOnlyList<LogEntry> backlog, string name)
    {
        var own = backlog.Where(entry => entry.Source.Name == name).ToList();
        var skip = own.Sum(entry => entry.LineCount) - LinesPerProcess;
        foreach (var entry in own)
        {
            if (skip >= entry.LineCount)
            {
                skip -= entry.LineCount;
                continue;
            }
            if (skip > 0)
            {
                var tail = entry.EachLine().Skip(skip).SelectMany(line => line.ToArray().Append((byte)'\n')).ToArray();
                skip = 0;
                yield return entry with { Lines = tail };
                continue;
            }
            yield return entry;
        }
    }
}
