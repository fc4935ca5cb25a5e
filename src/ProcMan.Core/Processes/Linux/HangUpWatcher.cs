using ProcMan.Processes;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Notices at once that the reader of ProcMan's stdout went away (<c>procman up | head -1</c>),
/// rather than at the next write, which quiet children may never cause.
/// </summary>
internal static class HangUpWatcher
{
    /// <summary>Calls <paramref name="onHangUp"/> once, if and when <paramref name="fd"/> hangs up.</summary>
    public static void Watch(int fd, Action onHangUp) =>
        _ = DedicatedThread.Run("procman stdout watcher", 64 * 1024, () =>
        {
            // A regular file never hangs up: the thread then waits, idle, for ProcMan's exit.
            if (LibC.WaitForHangUp(fd))
                onHangUp();
            return true;
        });
}
