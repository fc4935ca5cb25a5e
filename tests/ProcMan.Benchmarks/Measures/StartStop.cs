using System.Diagnostics;

namespace ProcMan.Benchmarks.Measures;

/// <summary>
/// Time to start 100 children (until each has printed a first line, as read from procman's
/// stdout) and time from SIGINT to procman's exit with 100 children that exit on SIGTERM. The
/// baseline is a shell script that starts the same commands, each in a group of its own like
/// procman does, and on SIGINT kills the 100 groups and waits.
/// </summary>
internal sealed class StartStop(ProcManRunner procman, string workRoot)
{
    private const int Children = 100;
    // The child says "up" only once its sleep runs as sleep: between fork and exec, the forked
    // shell still has the TERM trap, so a group SIGTERM landing there is swallowed and the
    // sleep lives on, an orphan holding the output pipe open for 300 s. That happened on a
    // busy machine with the plain `echo up; sleep 300 & wait`. `read` of /proc/PID/comm is a
    // builtin, so the wait for the exec forks nothing.
    private const string Cooperative =
        "trap 'exit 0' TERM; sleep 300 & until read name < /proc/$!/comm && [ \"$name\" = sleep ]; do :; done; echo up; wait";

    public void Run(ResultTable table)
    {
        var directory = Path.Combine(workRoot, "startstop");
        Directory.CreateDirectory(directory);

        var clock = Stopwatch.StartNew();
        var (procmanStart, procmanStop, exitCode) = Measure(
            procman.Start(directory, Enumerable.Range(1, Children).Select(i => ($"c{i}", Cooperative))), clock);
        if (exitCode != 130)
            Console.Error.WriteLine($"  procman exited with {exitCode} after SIGINT (expected 130)");

        // The trap only notes the signal: the groups are killed once the loop is over, so a
        // SIGINT that comes before the last pid was noted cannot leave a child behind.
        var script = $"""
            pids='' stop=''
            trap 'stop=1' INT
            for i in $(seq {Children}); do setsid /bin/sh -c {Shell.Quote(Cooperative)} & pids="$pids -$!"; done
            until [ -n "$stop" ]; do wait; done
            kill -TERM $pids; wait; exit 130
            """;
        clock.Restart();
        var (shellStart, shellStop, _) = Measure(Shell.Start(script, directory, pipeStdout: true), clock);

        table.Add($"start {Children} children, until all printed a line", $"{procmanStart * 1000:0} ms", $"{shellStart * 1000:0} ms", ResultTable.Ratio(procmanStart, shellStart, ""));
        table.Add($"SIGINT to exit, {Children} cooperative children (exit code {exitCode})", $"{procmanStop * 1000:0} ms", $"{shellStop * 1000:0} ms", ResultTable.Ratio(procmanStop, shellStop, ""));
    }

    /// <summary>Seconds until all children said "up" (from <paramref name="clock"/>'s start), then from SIGINT to exit.</summary>
    private static (double Start, double Stop, int ExitCode) Measure(Process process, Stopwatch clock)
    {
        using (process)
        {
            var watcher = new LineWatcher(process.StandardOutput, line => line.EndsWith("up", StringComparison.Ordinal));
            if (!watcher.WaitForMilestones(Children, TimeSpan.FromSeconds(60)))
                throw new InvalidOperationException("the children did not all start within 60 s");
            var start = clock.Elapsed.TotalSeconds;
            clock.Restart();
            LibC.Kill(process.Id, LibC.SigInt);
            // The baseline shell can miss a SIGINT that lands between its `[ -n "$stop" ]` and
            // its `wait`, and then waits for ever: say so and signal again rather than hang.
            while (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                Console.Error.WriteLine($"  pid {process.Id} still running 5 s after SIGINT; sending it again (this stop time is not valid)");
                LibC.Kill(process.Id, LibC.SigInt);
            }
            var stop = clock.Elapsed.TotalSeconds;
            // Never hang the whole benchmark on a descendant that kept the pipe open.
            if (!watcher.WaitForEnd(TimeSpan.FromSeconds(10)))
                Console.Error.WriteLine($"  pid {process.Id} exited, but a descendant still held its stdout open 10 s later");
            return (start, stop, process.ExitCode);
        }
    }
}
