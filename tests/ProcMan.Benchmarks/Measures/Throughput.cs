using System.Diagnostics;

namespace ProcMan.Benchmarks.Measures;

/// <summary>
/// 4 children x 250,000 lines of 60 bytes, procman's stdout to a file, against the same 4
/// generators started by a shell, each to its own file. Every procman run is checked line by line.
/// With a C compiler, also against the generators each through a minimal C prefixer
/// (<c>Reference/prefixer.c</c>) into one file: what moving the lines costs by itself.
/// </summary>
internal sealed class Throughput(ProcManRunner procman, string workRoot, int runs, string? prefixer)
{
    private const int Children = 4;
    private const int LinesPerChild = 250_000;
    private const string Padding = "abcdefghijklmnopqrstuvwxyz-0123456789"; // makes each line 60 bytes with its \n

    public void Run(ResultTable table, long idleBaselineKiB)
    {
        var procmanWall = new List<double>();
        var procmanCpu = new List<double>();
        var baselineWall = new List<double>();
        var baselineCpu = new List<double>();
        var referenceWall = new List<double>();
        var intact = true;
        long peakKiB = 0;
        for (var run = 0; run < runs; run++)
        {
            // Alternate the two so that any drift of the machine hits both alike.
            var (wall, cpu, runIntact, kib) = RunProcMan(Path.Combine(workRoot, $"throughput-procman-{run}"));
            procmanWall.Add(wall);
            procmanCpu.Add(cpu);
            intact &= runIntact;
            peakKiB = Math.Max(peakKiB, kib);
            (wall, cpu) = RunBaseline(Path.Combine(workRoot, $"throughput-shell-{run}"));
            baselineWall.Add(wall);
            baselineCpu.Add(cpu);
            if (prefixer is not null)
                referenceWall.Add(RunReference(Path.Combine(workRoot, $"throughput-prefixer-{run}"), prefixer));
            Console.Error.WriteLine($"  throughput run {run + 1}/{runs}: procman {procmanWall[^1]:0.000} s, shell {wall:0.000} s"
                + (prefixer is null ? "" : $", C prefixers {referenceWall[^1]:0.000} s"));
        }

        double pmWall = Stats.Median(procmanWall), blWall = Stats.Median(baselineWall);
        double pmCpu = Stats.Median(procmanCpu), blCpu = Stats.Median(baselineCpu);
        const int total = Children * LinesPerChild;
        table.Add($"flood wall time, median of {runs} ({Children} x {LinesPerChild:N0} lines of 60 B)",
            $"{pmWall:0.000} s ({total / pmWall / 1e6:0.00} M lines/s)", $"{blWall:0.000} s", ResultTable.Ratio(pmWall, blWall, "<= 1.3x"));
        if (prefixer is not null)
        {
            var refWall = Stats.Median(referenceWall);
            table.Add("flood wall time against the data path alone: each generator through a minimal C prefixer (Reference/prefixer.c), one file",
                $"{pmWall:0.000} s", $"{refWall:0.000} s (C prefixers; {refWall / blWall:0.00}x the generators alone)", ResultTable.Ratio(pmWall, refWall, ""));
        }
        table.Add("flood CPU, user+sys incl. children, median", $"{pmCpu:0.000} s", $"{blCpu:0.000} s", ResultTable.Ratio(pmCpu, blCpu, ""));
        table.Add($"flood output intact ({total:N0} lines, in order per child, all {runs} runs)", intact ? "yes" : "NO", "-", "");
        table.Add("peak memory (VmHWM) during the flood", $"{peakKiB / 1024.0:0.0} MiB", $"{idleBaselineKiB / 1024.0:0.0} MiB (1 idle child)",
            ResultTable.Ratio(peakKiB, idleBaselineKiB, ""));
    }

    /// <summary>
    /// The command of child <paramref name="child"/>. The generators must all finish before any
    /// child exits, since procman stops the others as soon as one exits, which would cut their
    /// output. So each child, after its generator, leaves a mark and sleeps; once all 4 marks
    /// are there, we stop the run: SIGINT to procman, which must still write every line before
    /// it exits (checked below), and SIGTERM to the baseline shell's group. Both pay the same
    /// end: up to 5 ms of our polling, then stopping 4 sleeps. Children polling each other
    /// instead cost forks that slowed the generators still running.
    /// </summary>
    private static string ChildCommand(string directory, int child) =>
        $"seq -f 'gen-{child} line %010g {Padding}' 1 {LinesPerChild}; : > {Shell.Quote(MarkOf(directory, child))}; exec sleep 300";

    private static string MarkOf(string directory, int child) => Path.Combine(directory, $"done.{child}");

    /// <summary>Waits until every generator has left its mark, then sends the stop signal.</summary>
    private static void StopOnceGenerated(string directory, int pid, int signal)
    {
        while (!Enumerable.Range(1, Children).All(i => File.Exists(MarkOf(directory, i))))
            Thread.Sleep(5);
        LibC.Kill(pid, signal);
    }

    private static string ExpectedLine(int child, int number) => $"gen-{child} line {number:D10} {Padding}";

    private (double Wall, double Cpu, bool Intact, long PeakKiB) RunProcMan(string directory)
    {
        Directory.CreateDirectory(directory);
        var output = Path.Combine(directory, "procman.out");
        var children = Enumerable.Range(1, Children).Select(i => ($"gen{i}", ChildCommand(directory, i)));
        var cpuBefore = LibC.ReapedChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = procman.Start(directory, children, output);
        long peakKiB;
        double wall;
        using (var probe = new PeakMemoryProbe(process.Id))
        {
            StopOnceGenerated(directory, process.Id, LibC.SigInt);
            process.WaitForExit();
            // Read before the probe is disposed: that waits for the probe's thread, asleep for up to 20 ms.
            wall = clock.Elapsed.TotalSeconds;
            peakKiB = probe.PeakKiB;
        }
        var cpu = (LibC.ReapedChildrenCpu() - cpuBefore).TotalSeconds;
        if (process.ExitCode != 130)
            Console.Error.WriteLine($"  procman exited with {process.ExitCode} after SIGINT (expected 130)");
        var intact = Verify(output);
        Directory.Delete(directory, recursive: true);
        return (wall, cpu, intact, peakKiB);
    }

    private static (double Wall, double Cpu) RunBaseline(string directory)
    {
        Directory.CreateDirectory(directory);
        // Each generator under its own /bin/sh -c, as procman starts it, to its own file. setsid
        // makes the shell a group leader, so one kill(-pgid) stops the sleeps; the shell itself
        // survives it (a trap, unlike an ignored signal, is not inherited) and waits for them,
        // as procman does: a child nobody waits for is reaped by init, and its CPU time lost to us.
        var script = "trap : TERM; " + string.Concat(Enumerable.Range(1, Children).Select(i =>
            $"/bin/sh -c {Shell.Quote(ChildCommand(directory, i))} > {Shell.Quote(Path.Combine(directory, $"out.{i}"))} & ")) + "until wait; do :; done";
        var cpuBefore = LibC.ReapedChildrenCpu();
        var clock = Stopwatch.StartNew();
        using (var shell = Shell.Start("exec setsid /bin/sh -c " + Shell.Quote(script), directory))
        {
            StopOnceGenerated(directory, -shell.Id, LibC.SigTerm);
            shell.WaitForExit();
        }
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (LibC.ReapedChildrenCpu() - cpuBefore).TotalSeconds;
        for (var i = 1; i <= Children; i++)
        {
            if (new FileInfo(Path.Combine(directory, $"out.{i}")).Length != LinesPerChild * 60L)
                throw new InvalidOperationException("the baseline generator did not write the expected bytes");
        }

        Directory.Delete(directory, recursive: true);
        return (wall, cpu);
    }

    /// <summary>
    /// The generators as in <see cref="RunBaseline"/>, each through <paramref name="prefixer"/>
    /// with procman's prefix, all appending to one file (whole lines per write, so none tear).
    /// The prefixers ignore the SIGTERM that stops the group, and end once they have written all.
    /// </summary>
    private static double RunReference(string directory, string prefixer)
    {
        Directory.CreateDirectory(directory);
        var output = Path.Combine(directory, "prefixed.out");
        var script = "trap : TERM; " + string.Concat(Enumerable.Range(1, Children).Select(i =>
            $"/bin/sh -c {Shell.Quote(ChildCommand(directory, i))} | {Shell.Quote(prefixer)} {Shell.Quote($"gen{i}    | ")} >> {Shell.Quote(output)} & "))
            + "until wait; do :; done";
        var clock = Stopwatch.StartNew();
        using (var shell = Shell.Start("exec setsid /bin/sh -c " + Shell.Quote(script), directory))
        {
            StopOnceGenerated(directory, -shell.Id, LibC.SigTerm);
            shell.WaitForExit();
        }
        var wall = clock.Elapsed.TotalSeconds;
        if (new FileInfo(output).Length != Children * LinesPerChild * (60L + "gen1    | ".Length))
            throw new InvalidOperationException("the C prefixers did not write the expected bytes");
        Directory.Delete(directory, recursive: true);
        return wall;
    }

    /// <summary>Every child line is `NAME&lt;padding&gt; | LINE`, exact and in order; procman's own lines are skipped.</summary>
    private static bool Verify(string output)
    {
        var next = new int[Children + 1];
        var bad = 0;
        foreach (var line in File.ReadLines(output))
        {
            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            var name = bar < 0 ? "" : line[..bar].TrimEnd();
            if (name == "procman")
                continue;
            if (name.Length == 4 && name.StartsWith("gen", StringComparison.Ordinal) && name[3] - '0' is >= 1 and <= Children
                && line.AsSpan(bar + 3).SequenceEqual(ExpectedLine(name[3] - '0', next[name[3] - '0'] + 1)))
            {
                next[name[3] - '0']++;
                continue;
            }
            if (bad++ < 3)
                Console.Error.WriteLine($"  unexpected line in procman's output: '{line}'");
        }
        var counts = string.Join(", ", next.Skip(1));
        if (bad > 0 || next.Skip(1).Any(n => n != LinesPerChild))
        {
            Console.Error.WriteLine($"  procman's output is not intact: {bad} bad lines, lines per child: {counts}");
            return false;
        }
        return true;
    }
}
