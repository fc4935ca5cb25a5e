using System.Text;

namespace ProcMan.Processes.Linux;

/// <summary>
/// ProcMan's side of its guardian (<see cref="GuardianProcess"/>): a small process of its own,
/// started first, that is told of every process ProcMan comes to answer for. It holds the read
/// end of a pipe whose write end only ProcMan has, so it learns of ProcMan's end, however it
/// came (SIGKILL, the OOM killer), from the end of that pipe, and kills what is left.
/// </summary>
internal sealed class Guardian : IDisposable
{
    private readonly object _gate = new();
    private readonly int _pid;
    private int _pipe;

    private Guardian(int pid, int pipe)
    {
        _pid = pid;
        _pipe = pipe;
    }

    /// <summary>Starts the guardian, and makes every later start known to it; null (and nothing guarded) when it cannot be started.</summary>
    public static Guardian? Start()
    {
        if (OwnCommand.Prefix() is not { } prefix)
            return null;
        string[] arguments = [.. prefix, GuardianProcess.Command];
        var environment = new Dictionary<string, string>();
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        try
        {
            PosixSpawn.Spawned spawned = default;
            ChildReaper.Start(() =>
            {
                spawned = PosixSpawn.Start(arguments, "/", environment);
                return spawned.Pid;
            });
            // It writes nothing; what it would write is not read.
            LibC.Close(spawned.StandardOutput);
            LibC.Close(spawned.StandardError);
            var guardian = new Guardian(spawned.Pid, spawned.StandardInput);
            ChildReaper.Guardian = guardian;
            return guardian;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Tells the guardian of the process <paramref name="pid"/>, started at <paramref name="startTime"/>.</summary>
    public void Watch(int pid, ulong startTime) => Send($"watch {pid} {startTime}\n");

    /// <summary>Tells the guardian that <paramref name="pid"/> was reaped: its pid may pass to another process.</summary>
    public void Forget(int pid) => Send($"forget {pid}\n");

    /// <summary>Tells the guardian of ProcMan's instance cgroup: at ProcMan's end it kills all that is in it, and removes it.</summary>
    public void WatchCgroup(string path) => Send($"cgroup {path}\n");

    /// <summary>Tells the guardian that ProcMan removed its cgroup itself: the path may pass to another instance.</summary>
    public void ForgetCgroup() => Send("forget-cgroup\n");

    /// <summary>At ProcMan's ordinary end, with everything stopped: the guardian finds nothing left, and exits.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_pipe < 0)
                return;
            LibC.Close(_pipe);
            _pipe = -1;
        }
        ChildReaper.Guardian = null;
        // Waited for (it exits at once), so that it is not left behind either.
        _ = LibC.WaitForExitKeepingZombie(_pid);
        ChildReaper.Reap(_pid);
    }

    private void Send(string message)
    {
        var bytes = Encoding.ASCII.GetBytes(message);
        lock (_gate)
        {
            var written = 0;
            while (_pipe >= 0 && written < bytes.Length)
            {
                var count = LibC.Write(_pipe, bytes.AsSpan(written), out var errno);
                if (count >= 0)
                    written += (int)count;
                else if (errno != LibC.Interrupted)
                    return; // The guardian is gone: nothing to tell.
            }
        }
    }
}
