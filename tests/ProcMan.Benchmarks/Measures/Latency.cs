using System.Diagnostics;

namespace ProcMan.Benchmarks.Measures;

/// <summary>
/// How long a lone line takes from a child's write to procman's stdout: the child prints its
/// CLOCK_REALTIME every 20 ms and we compare with our own CLOCK_REALTIME (DateTime.UtcNow) when
/// the line comes out of the pipe. The baseline reads the same child directly through a pipe.
/// </summary>
/// <remarks>
/// The two run one after the other: run together, procman's own wake-ups delayed the baseline's
/// lines. On a small VM the noise comes in bursts of a few milliseconds, so the baseline's p99
/// shows the noise floor of this run.
/// </remarks>
internal sealed class Latency(ProcManRunner procman, string workRoot)
{
    private const int Samples = 300;

    // `date` reads the clock just before it writes, so fork/exec costs are not counted.
    private static readonly string Clock = $"i=0; while [ $i -lt {Samples} ]; do date +%s%N; sleep 0.02; i=$((i+1)); done";

    public void Run(ResultTable table)
    {
        var directory = Path.Combine(workRoot, "latency");
        Directory.CreateDirectory(directory);

        var viaProcMan = new List<double>();
        var direct = new List<double>();
        using (var process = procman.Start(directory, [("clock", Clock)]))
            Collect(process, line => line.StartsWith("clock ", StringComparison.Ordinal) ? line[(line.IndexOf(" | ", StringComparison.Ordinal) + 3)..] : null, viaProcMan);
        using (var process = Shell.Start(Clock, directory, pipeStdout: true))
            Collect(process, line => line, direct);

        if (viaProcMan.Count != Samples)
            Console.Error.WriteLine($"  latency: {viaProcMan.Count} of {Samples} clock lines came through procman");
        // The first line pays for procman's start-up (JIT, first use of the pipes): shown apart.
        table.Add("latency of the first line (start-up)", $"{viaProcMan[0]:0.000} ms", $"{direct[0]:0.000} ms", "");
        var (steadyProcMan, steadyDirect) = (viaProcMan.Skip(1).ToList(), direct.Skip(1).ToList());
        table.Add($"lone-line latency, median of the next {steadyProcMan.Count}", $"{Stats.Median(steadyProcMan):0.000} ms", $"{Stats.Median(steadyDirect):0.000} ms",
            ResultTable.Ratio(Stats.Median(steadyProcMan), Stats.Median(steadyDirect), ""));
        table.Add("lone-line latency, p99", $"{Stats.Percentile(steadyProcMan, 99):0.000} ms", $"{Stats.Percentile(steadyDirect, 99):0.000} ms", "target p99 < 2 ms");
        table.Add("lone-line latency, max", $"{steadyProcMan.Max():0.000} ms", $"{steadyDirect.Max():0.000} ms", "");
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
