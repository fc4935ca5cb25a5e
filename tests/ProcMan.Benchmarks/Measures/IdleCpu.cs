namespace ProcMan.Benchmarks.Measures;

/// <summary>
/// procman's own CPU over 10 s with 20 idle children, against a shell waiting on the same 20
/// sleeps. Both are idle, so they share the same 10 s window rather than take 10 s each.
/// </summary>
internal sealed class IdleCpu(ProcManRunner procman, string workRoot)
{
    private const int Children = 20;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public void Run(ResultTable table)
    {
        var directory = Path.Combine(workRoot, "idle");
        Directory.CreateDirectory(directory);

        using var process = procman.Start(directory, Enumerable.Range(1, Children).Select(i => ($"idle{i}", "sleep 300")));
        var watcher = new LineWatcher(process.StandardOutput, line => line.Contains(" started with pid ", StringComparison.Ordinal));
        // setsid makes the shell a group leader, so one kill(-pgid) ends it and its sleeps.
        using var shell = Shell.Start("exec setsid /bin/sh -c " + Shell.Quote(string.Concat(Enumerable.Repeat("sleep 300 & ", Children)) + "wait"), directory);
        if (!watcher.WaitForMilestones(Children, TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException("procman did not start the idle children");
        Thread.Sleep(500); // let start-up work (JIT, tiering) settle: we want the steady state

        var procmanBefore = ProcInfo.OwnCpu(process.Id);
        var shellBefore = ProcInfo.OwnCpu(shell.Id);
        Thread.Sleep(Window);
        var procmanPercent = (ProcInfo.OwnCpu(process.Id) - procmanBefore) / Window * 100;
        var shellPercent = (ProcInfo.OwnCpu(shell.Id) - shellBefore) / Window * 100;

        LibC.Kill(process.Id, LibC.SigInt);
        LibC.Kill(-shell.Id, LibC.SigTerm);
        watcher.WaitForEnd();
        process.WaitForExit();
        shell.WaitForExit();

        table.Add($"own CPU over {Window.TotalSeconds:0} s, {Children} idle children (% of one core)", $"{procmanPercent:0.00} %", $"{shellPercent:0.00} % (sh ... & wait)", "target < 1 %");
    }
}
