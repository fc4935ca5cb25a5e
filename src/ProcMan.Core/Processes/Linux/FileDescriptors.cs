namespace ProcMan.Processes.Linux;

/// <summary>How many more descriptors this process may open before the kernel says EMFILE.</summary>
internal static class FileDescriptors
{
    /// <summary>The soft limit less the descriptors open now; null when either cannot be read.</summary>
    public static long? Free()
    {
        if (LibC.OpenFileLimit() is not { } limit)
            return null;
        try
        {
            var open = Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount();
            return (long)Math.Min(limit, long.MaxValue / 2) - open;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
