using System.Runtime;

namespace ProcMan.Output;

/// <summary>
/// Gives the memory of a burst of long lines back to the system once the burst is over. Their
/// buffers are garbage by then, but a quiet process allocates nothing, so no collection would
/// come to free them, and a collection by itself keeps the heap's memory for the next burst.
/// </summary>
internal static class MemoryTrim
{
    /// <summary>A burst of lines goes on for a while: one collection after it, not one per line.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private static readonly Timer Timer = new(_ => Trim());
    private static int _scheduled;

    /// <summary>Called when a large buffer has been let go: schedules a trim, unless one is scheduled.</summary>
    public static void AfterBurst()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
            Timer.Change(Delay, Timeout.InfiniteTimeSpan);
    }

    private static void Trim()
    {
        Volatile.Write(ref _scheduled, 0);
        // Aggressive: compacts and returns the free memory to the system, the point of it all.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
