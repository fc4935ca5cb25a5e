using ProcMan.Processes.Linux;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A process that keeps moving away: each hop starts a <c>setsid</c> copy of itself in the
/// background and exits at once, so the live hop is always in a new session, its parent gone,
/// and no reading of /proc can follow it by parentage. Each hop appends its pid to a log, and
/// every hop carries <see cref="Marker"/> in its environment. The first five hops print
/// "hop N"; the later ones write nowhere, so that the end of ProcMan's pipes does not end them.
/// </summary>
public sealed class Hopper
{
    /// <summary>
    /// How long the log must stay still, its last hop gone, before the hopper is believed
    /// stopped: between one hop's exit and the next one's first line lie a few milliseconds.
    /// </summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly string _log;
    private readonly string _script;

    /// <param name="ignoresTerm">Every hop ignores SIGTERM (an ignored signal stays ignored through fork and exec).</param>
    public Hopper(TestDirectory directory, bool ignoresTerm = false)
    {
        var id = Guid.NewGuid().ToString("N");
        Marker = $"PROCMAN_TEST_HOPPER={id}";
        _log = directory.Combine($"hops-{id}.txt");
        _script = directory.Write($"hop-{id}.sh", $$"""
            {{(ignoresTerm ? "trap '' TERM" : "")}}
            echo $$ >> '{{_log}}'
            n=$((${HOP_N:-0} + 1)); export HOP_N=$n
            if [ $n -le 5 ]; then echo "hop $n"; else exec >/dev/null 2>&1 </dev/null; fi
            sleep 0.01
            setsid sh "$0" &
            """);
    }

    /// <summary>NAME=VALUE, unique to this hopper.</summary>
    public string Marker { get; }

    /// <summary>A shell command that starts the hopper and then idles, for a procfile.</summary>
    public string Command => $"export {Marker}; sh '{_script}'; exec sleep 300";

    /// <summary>Waits, bounded, until the hopper no longer hops; false if it still does.</summary>
    public async Task<bool> WaitUntilStoppedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var (hops, last) = ReadLog();
            if (!IsHop(last))
            {
                var stillUntil = DateTime.UtcNow + Quiet;
                while (DateTime.UtcNow < stillUntil && ReadLog().Hops == hops)
                    await Task.Delay(10);
                if (ReadLog() is var now && now.Hops == hops && !IsHop(now.Last))
                    return true;
            }
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(10);
        }
    }

    /// <summary>SIGKILLs the hopper, however often it hops meanwhile (a test's cleanup, bounded).</summary>
    public async Task KillAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            foreach (var pid in ProcessTable.WithEnvironment(Marker).Append(ReadLog().Last).Where(IsHop))
                LibC.Kill(pid, 9);
        }
        while (!await WaitUntilStoppedAsync(TimeSpan.Zero) && DateTime.UtcNow < deadline);
    }

    private (int Hops, int Last) ReadLog()
    {
        try
        {
            var lines = File.ReadAllLines(_log).Where(line => line.Length > 0).ToList();
            return (lines.Count, lines.Count > 0 && int.TryParse(lines[^1], out var pid) ? pid : 0);
        }
        catch (FileNotFoundException)
        {
            return (0, 0);
        }
    }

    /// <summary>Whether <paramref name="pid"/> runs and is one of this hopper's (not a process that took a pid it left).</summary>
    private bool IsHop(int pid) => pid > 0 && ProcessTable.IsRunning(pid) && ProcessTable.HasEnvironment(pid, Marker);
}
