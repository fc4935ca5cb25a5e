using System.Text;

namespace ProcMan.Output;

/// <summary>
/// In GitHub Actions, the last lines of each failed process (with ProcMan's events about it) once more, each in a collapsible
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
            var (backlog, _) = logs.Subscribe(subject => subject == name, LinesPerProcess, follow: false);
            foreach (var entry in backlog)
            {
                var chunk = new OutputChunk(entry.Source, entry.Stream, entry.Lines, entry.Lines.Length, entry.Time) { Details = entry.Details };
                format.Write(chunk, output);
            }
            output.Append(Encoding.UTF8.GetBytes($"::{token}::\n::endgroup::\n"));
        }
        output.Flush();
    }
}
