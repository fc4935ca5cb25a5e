using System.Text;
using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// Runs the probe's command in its <c>working_dir</c>, else the process's, with the process's environment; exit 0 is a success.
/// Its output is kept for the summary and never mixed into the process's lines. Each summary
/// says "probe" first: the event it ends up in names the process, and "web is ready: exited with
/// code 0" read as if web had exited.
/// </summary>
internal sealed class ExecCheck(ExecProbeCheck check, ProcessSpec process, IProcessLauncher launcher) : IProbeCheck
{
    private const int MaxSummaryLength = 200;
    private const int MaxCommandLength = 80;

    public async Task<ProbeResult> RunAsync(CancellationToken deadline)
    {
        var spec = new ProcessSpec($"{process.Name} probe", process.ShellArguments(check.Command), check.WorkingDirectory ?? process.WorkingDirectory, process.Environment);
        using var child = launcher.Start(spec);
        var stdout = ReadAllAsync(child.StandardOutput);
        var stderr = ReadAllAsync(child.StandardError);
        try
        {
            var exit = await child.Exited.WaitAsync(deadline).ConfigureAwait(false);
            // A background job of the probe may hold its pipes: the deadline covers them too.
            var output = (await stdout.WaitAsync(deadline).ConfigureAwait(false)) + (await stderr.WaitAsync(deadline).ConfigureAwait(false));
            return exit.IsSuccess
                ? new ProbeResult(true, $"probe `{Shown(check.Command)}` succeeded")
                : new ProbeResult(false, $"probe {exit}{LastLine(output)}");
        }
        finally
        {
            // Nothing a probe started outlives the attempt.
            if (!child.Exited.IsCompleted || child.HasLiveTree)
                child.KillEverything();
        }
    }

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, $"probe timed out after {timeout.TotalSeconds:0.###} s");

    /// <summary>
    /// On a thread of its own: a child's pipe is read with blocking reads, and a background job
    /// of the probe may hold it open until the probe's group is killed; a thread-pool thread would
    /// be held that long.
    /// </summary>
    private static Task<string> ReadAllAsync(Stream stream) =>
        DedicatedThread.Run("procman probe", 256 * 1024, () =>
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        });

    /// <summary>The command's first line, cut short: enough to tell which probe, not a wall of shell.</summary>
    private static string Shown(string command)
    {
        var lines = command.Trim().Split('\n');
        var first = lines[0].TrimEnd();
        return first.Length > MaxCommandLength ? first[..MaxCommandLength] + "..." : lines.Length > 1 ? first + " ..." : first;
    }

    private static string LastLine(string output)
    {
        var line = output.TrimEnd().Split('\n')[^1].Trim();
        if (line.Length == 0)
            return "";
        return ": " + (line.Length > MaxSummaryLength ? line[..MaxSummaryLength] + "..." : line);
    }
}
