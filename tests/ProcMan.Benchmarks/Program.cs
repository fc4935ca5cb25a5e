using System.Diagnostics;
using ProcMan.Benchmarks;
using ProcMan.Benchmarks.Measures;
using ProcMan.Benchmarks.Reference;

// Usage: dotnet run -c Release --project tests/ProcMan.Benchmarks [-- --procman PATH] [--runs N] [--only MEASURE]
// Without --procman, procman is published from this checkout first. MEASURE: memory, startstop,
// latency, idle or throughput (the last one then compares memory with 0), for quick experiments.
string? executable = null;
var runs = 5;
string? only = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--procman")
        executable = Path.GetFullPath(args[++i]);
    else if (args[i] == "--runs")
        runs = int.Parse(args[++i]);
    else if (args[i] == "--only")
        only = args[++i];
}
bool Measures(string name) => only is null || only == name;
if (executable is not null && !File.Exists(executable))
{
    // Otherwise every measure would wait for children that never start.
    Console.Error.WriteLine($"--procman: {executable} does not exist");
    return 2;
}

var workRoot = Path.Combine(Path.GetTempPath(), $"procman-bench-{Environment.ProcessId}");
Directory.CreateDirectory(workRoot);
try
{
    var total = Stopwatch.StartNew();
    // Other work on the machine skews every figure: the load average tells the reader how much.
    var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    var variant = "given with --procman";
    if (executable is null)
        (executable, variant) = ProcManPublisher.Publish(Path.Combine(workRoot, "publish"));
    var procman = new ProcManRunner(executable);
    var table = new ResultTable();

    // Latency first: it is the measure most sensitive to other work on the machine, and the
    // start and stop of 100 children leave the machine busy for a while after them.
    if (Measures("latency"))
    {
        Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0} s] measuring lone-line latency...");
        new Latency(procman, workRoot).Run(table);
    }
    long idleKiB = 0;
    if (Measures("memory"))
    {
        Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0} s] measuring memory...");
        idleKiB = new Memory(procman, workRoot).Run(table);
    }
    if (Measures("startstop"))
    {
        Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0} s] measuring start and stop...");
        new StartStop(procman, workRoot).Run(table);
    }
    if (Measures("idle"))
    {
        Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0} s] measuring idle CPU (10 s)...");
        new IdleCpu(procman, workRoot).Run(table);
    }
    if (Measures("throughput"))
    {
        Console.Error.WriteLine($"[{total.Elapsed.TotalSeconds,5:0.0} s] measuring throughput...");
        new Throughput(procman, workRoot, runs, CPrefixer.Build(workRoot)).Run(table, idleKiB);
    }

    var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    Console.WriteLine($"ProcMan benchmark: {Environment.ProcessorCount} cores, load average {loadBefore} before and {loadAfter} after, procman {variant}, {total.Elapsed.TotalSeconds:0} s in all");
    Console.WriteLine();
    Console.Write(table);
    return 0;
}
finally
{
    Directory.Delete(workRoot, recursive: true);
}
