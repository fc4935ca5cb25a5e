namespace ProcMan.Processes.Linux;

/// <summary>Reads processes from /proc: who is whose parent, group and session, and since when.</summary>
internal static class ProcFileSystem
{
    /// <summary>One line of /proc/PID/stat; <paramref name="StartTime"/> (clock ticks since boot) tells a pid's holders apart.</summary>
    public readonly record struct ProcStat(int Pid, char State, int ParentPid, int GroupId, int SessionId, ulong StartTime)
    {
        public bool IsZombie => State is 'Z' or 'X';
    }

    /// <summary>The process <paramref name="pid"/> as it is now; null when there is none.</summary>
    public static ProcStat? Read(int pid) => ReadText($"/proc/{pid}/stat") is { } stat ? Parse(pid, stat) : null;

    /// <summary>The pids of ProcMan's own children (those it started, and the orphans it adopted as subreaper).</summary>
    public static IReadOnlyList<int> OwnChildren() => ChildrenOf("self");

    /// <summary>The pids of the children of <paramref name="process"/> (a pid, or "self"); none when it is gone.</summary>
    public static List<int> ChildrenOf(string process)
    {
        var children = new List<int>();
        string[] tasks;
        try
        {
            // Each thread has its own list: the children it forked.
            tasks = Directory.GetDirectories($"/proc/{process}/task");
        }
        catch (IOException)
        {
            return children;
        }
        foreach (var task in tasks)
        {
            // A thread that ended while we looked has no file any more, and no children.
            foreach (var field in (ReadText(Path.Combine(task, "children")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(field, out var pid))
                    children.Add(pid);
            }
        }
        return children;
    }

    /// <summary>Every process on the machine, as one reading of /proc.</summary>
    public static List<ProcStat> ReadAll()
    {
        var result = new List<ProcStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            // A process that ended while we looked has no file any more.
            if (ReadText(Path.Combine(directory, "stat")) is { } text && Parse(pid, text) is { } stat)
                result.Add(stat);
        }
        return result;
    }

    /// <summary>A /proc file's text (ASCII: a stat line, a list of pids), null when it is gone; a stat line fits in 1 KiB, a children list of 2,000 pids in the 16 KiB read.</summary>
    private static string? ReadText(string path)
    {
        Span<byte> buffer = stackalloc byte[16 * 1024];
        var length = LibC.ReadSmallFile(path, buffer);
        return length < 0 ? null : System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }

    // Format: "pid (comm) state ppid pgrp session ..."; comm may itself contain spaces and ')'.
    private static ProcStat? Parse(int pid, string stat)
    {
        var afterName = stat.LastIndexOf(')');
        if (afterName < 0)
            return null;
        var fields = stat[(afterName + 2)..].Split(' ');
        // Field 22 of the line (starttime) is the 20th after the name.
        return fields.Length > 19 && fields[0].Length == 1
            && int.TryParse(fields[1], out var parent) && int.TryParse(fields[2], out var group) && int.TryParse(fields[3], out var session)
            && ulong.TryParse(fields[19], out var startTime)
            ? new ProcStat(pid, fields[0][0], parent, group, session, startTime)
            : null;
    }
}
