namespace ProcMan.Benchmarks.Measures;

/// <summary>procman's peak resident memory with 100 idle children, against procman with 1.</summary>
internal sealed class Memory(ProcManRunner procman, string workRoot)
{
    private const int Children = 100;

    /// <summary>Adds the row and returns the 1-child figure, the baseline of the flood's memory too.</summary>
    public long Run(ResultTable table)
    {
        var one = PeakKiB(1);
        var many = PeakKiB(Children);
        table.Add($"peak memory (VmHWM), {Children} idle children", $"{many / 1024.0:0.0} MiB", $"{one / 1024.0:0.0} MiB (1 idle child)", ResultTable.Ratio(many, one, ""));
        return one;
    }

    /// <summary>Starts procman with <paramref name="children"/> sleeps, stops it once all started, and returns its VmHWM.</summary>
    private long PeakKiB(int children)
    {
        var directory = Path.Combine(workRoot, $"memory-{children}");
        Directory.CreateDirectory(directory);
        using var process = procman.Start(directory, Enumerable.Range(1, children).Select(i => ($"idle{i}", "sleep 300")));
        using var probe = new PeakMemoryProbe(process.Id);
        var watcher = new LineWatcher(process.StandardOutput, line => line.Contains(" started with pid ", StringComparison.Ordinal));
        if (!watcher.WaitForMilestones(children, TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException("procman did not start the idle children");
        Thread.Sleep(500); // idle for a moment, as a real session would be
        LibC.Kill(process.Id, LibC.SigInt);
        watcher.WaitForEnd();
        process.WaitForExit();
        return probe.PeakKiB;
    }
}
