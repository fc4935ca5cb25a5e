namespace ProcMan.Benchmarks;

/// <summary>What /proc tells about one live process.</summary>
internal static class ProcInfo
{
    /// <summary>The process's own user + system CPU (not its children's), from /proc/PID/stat.</summary>
    public static TimeSpan OwnCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name, in parentheses, may hold spaces: the fields are counted after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[14 - 3]) + long.Parse(fields[15 - 3]); // utime, stime
        return TimeSpan.FromSeconds((double)ticks / LibC.ClockTicksPerSecond);
    }

    /// <summary>Peak resident set (VmHWM) in KiB, or null once the process is gone.</summary>
    public static long? PeakResidentKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }
}
