using System.Diagnostics;

namespace ProcMan.Benchmarks.Measures;

/// <summary>
/// How long a lone line takes from a child's write to procman's stdout: the child prints its
/// CLOCK_REALTIME every 10 ms and we compare with our own CLOCK_REALTIME (DateTime.UtcNow) when
/// the line comes out of the pipe. The baseline reads the same child directly through a pipe.
/// </summary>
/// <remarks>
/// The two run one after the other (run together, procman's own wake-ups delayed the
/// baseline's lines), in alternating blocks: on a small VM the noise comes in bursts of a few
/// milliseconds, and with one long block each, a burst in one block moved one side's p99 alone.
/// With about 1,000 lines a side, the p99 is the 10th worst line, not the 3rd.
/// </remarks>
internal sealed class Latency(ProcManRunner procman, string workRoot)
{
    private const int Blocks = 5;
    private const int LinesPerBlock = 200;

    // `date` reads the clock just before it writes, so fork/exec costs are not counted.
    private static readonly string Clock = $"i=0; while [ $i -lt {LinesPerBlock} ]; do date +%s%N; sleep 0.01; i=$((i+1)); done";

    public void Run(ResultTable table)
    {
        var directory = Path.Combine(workRoot, "latency");
        Directory.CreateDirectory(directory);

        var firstLines = new List<double>();
        var directFirstLines = new List<double>();
        var viaProcMan = new List<double>();
        var direct = new List<double>();
        // Block -1 warms up: this process's own code (compiled on first use, then again
        // optimised on a background thread) must not compete with the first counted block.
        for (var block = -1; block < Blocks; block++)
        {
            var lines = new List<double>();
            using (var process = procman.Start(directory, [("clock", Clock)]))
                Collect(process, line => line.StartsWith("clock ", StringComparison.Ordinal) ? line[(line.IndexOf(" | ", StringComparison.Ordinal) + 3)..] : null, lines);
            if (lines.Count != LinesPerBlock)
                Console.Error.WriteLine($"  latency: {lines.Count} of {LinesPerBlock} clock lines came through procman");
            var directLines = new List<double>();
            using (var process = Shell.Start(Clock, directory, pipeStdout: true))
                Collect(process, line => line, directLines);
            if (block < 0)
                continue;
            // The first line of a block pays for procman's start-up (first use of the code and the pipes): shown apart.
            firstLines.Add(lines[0]);
            viaProcMan.AddRange(lines.Skip(1));
            directFirstLines.Add(directLines[0]);
            direct.AddRange(directLines.Skip(1));
        }

        table.Add($"latency of the first line (start-up), median of {Blocks}", $"{Stats.Median(firstLines):0.000} ms", $"{Stats.Median(directFirstLines):0.000} ms", "");
        table.Add($"lone-line latency, median of {viaProcMan.Count}", $"{Stats.Median(viaProcMan):0.000} ms", $"{Stats.Median(direct):0.000} ms",
            ResultTable.Ratio(Stats.Median(viaProcMan), Stats.Median(direct), ""));
        table.Add("lone-line latency, p99", $"{Stats.Percentile(viaProcMan, 99):0.000} ms", $"{Stats.Percentile(direct, 99):0.000} ms", "target p99 < 2 ms");
        table.Add("lone-line latency, max", $"{viaProcMan.Max():0.000} ms", $"{direct.Max():0.000} ms", "");
    }

    /// <summary>Reads <paramref name="process"/> to its end; <paramref name="clockOf"/> picks the printed clock out of a line, if any.</summary>
    private static void Collect(Process process, Func<string, string?> clockOf, List<double> milliseconds)
    {
        new LineWatcher(process.StandardOutput, _ => false, (line, now) =>
        {
            if (clockOf(line) is { } text && long.TryParse(text, out var written))
                milliseconds.Add(((now - DateTime.UnixEpoch).Ticks * 100 - written) / 1e6);
        }).WaitForEnd();
        process.WaitForExit();
    }
}
