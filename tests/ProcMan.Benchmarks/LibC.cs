using System.Runtime.InteropServices;

namespace ProcMan.Benchmarks;

/// <summary>The libc calls .NET does not expose: children's CPU time, and signals other than SIGKILL.</summary>
internal static partial class LibC
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    private const int RUsageChildren = -1;
    private const int ScClockTicks = 2; // _SC_CLK_TCK on Linux

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs we do not need.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, out RUsage usage);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    /// <summary>
    /// User + system CPU of every reaped descendant of this process. A descendant counts once
    /// its parent has waited for it, so procman's children count once procman has reaped them
    /// and procman has been reaped by us.
    /// </summary>
    public static TimeSpan ReapedChildrenCpu()
    {
        if (GetRUsage(RUsageChildren, out var usage) != 0)
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        var microseconds = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds;
        return TimeSpan.FromMicroseconds(microseconds);
    }

    /// <summary>kill(2); a negative <paramref name="pid"/> is a process group.</summary>
    public static void Kill(int pid, int signal)
    {
        if (KillNative(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The unit of utime and stime in /proc/PID/stat.</summary>
    public static long ClockTicksPerSecond => SysConf(ScClockTicks);
}
