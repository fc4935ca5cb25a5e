namespace ProcMan.Processes.Linux;

/// <summary>
/// When ProcMan is PID 1 (a container's entry point), every orphaned process in the container
/// becomes its child, and stays a zombie until reaped. This reaps those, and only those: each
/// child ProcMan started is reaped by its own <see cref="LinuxChildProcess"/>, which needs its
/// exit status.
/// </summary>
/// <remarks>
/// This holds only while ProcMan never initialises <c>Console.Out</c> or <c>Console.In</c>
/// (its output goes through its own stream; Console.Error is safe): as PID 1, the runtime's
/// console setup installs a SIGCHLD handler that reaps every child, and would take the exit
/// statuses from the waiters.
/// </remarks>
internal static class OrphanReaper
{
    private static readonly object Gate = new();
    private static readonly Dictionary<int, Task> Started = [];
    private static Thread? _thread;

    /// <summary>
    /// Runs <paramref name="start"/>, which starts a child and returns its pid and the task that
    /// completes once its waiter has reaped it. As PID 1, notes the child before anything can
    /// look it up, so that a child that ends at once is never taken for an orphan.
    /// </summary>
    public static void Start(Func<(int Pid, Task Reaped)> start)
    {
        if (Environment.ProcessId != 1)
        {
            start();
            return;
        }
        lock (Gate)
        {
            var (pid, reaped) = start();
            Started[pid] = reaped;
            // Its waiter may reap it before this thread ever sees it: forget it then (unless the
            // pid already belongs to a newer child).
            reaped.ContinueWith(_ =>
            {
                lock (Gate)
                {
                    if (Started.TryGetValue(pid, out var noted) && noted == reaped)
                        Started.Remove(pid);
                }
            }, TaskScheduler.Default);
            _thread ??= StartThread();
        }
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run, maxStackSize: 64 * 1024) { IsBackground = true, Name = "procman orphan reaper" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        while (true)
        {
            // Looks without reaping: a child of ProcMan's own must be left to its waiter.
            var pid = LibC.PeekEndedChild();
            if (pid is not { } ended)
            {
                Thread.Sleep(100); // No child at all for now.
                continue;
            }
            Task? exited;
            lock (Gate)
                Started.Remove(ended, out exited);
            if (exited is null)
                LibC.Reap(ended);
            else
                exited.Wait(); // Its waiter reaps it; until then this pid is the one found.
        }
    }
}
