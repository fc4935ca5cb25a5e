namespace ProcMan.Tests.Infrastructure;

/// <summary>Questions about other processes, answered from /proc.</summary>
public static class ProcessTable
{
    /// <summary>Whether <paramref name="pid"/> still runs (a zombie, already dead, does not count).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits, bounded, for <paramref name="pid"/> to stop running; the kernel may need a moment to finish it.</summary>
    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Every process that descends from <paramref name="pid"/> now, by parentage.</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var parents = ProcMan.Processes.Linux.ProcFileSystem.ReadAll().ToDictionary(p => p.Pid, p => p.ParentPid);
        var found = new HashSet<int> { pid };
        bool grew;
        do
        {
            grew = false;
            foreach (var (child, parent) in parents)
            {
                if (found.Contains(parent) && found.Add(child))
                    grew = true;
            }
        }
        while (grew);
        found.Remove(pid);
        return [.. found];
    }

    /// <summary>The processes whose environment holds <paramref name="variable"/> (NAME=VALUE): a test's marker, which every descendant inherits.</summary>
    /// <remarks>One reading of /proc can miss a process that forks and exits meanwhile.</remarks>
    public static IReadOnlyList<int> WithEnvironment(string variable) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsRunning(pid) && HasEnvironment(pid, variable))];

    /// <summary>Whether the environment <paramref name="pid"/> started with holds <paramref name="variable"/> (NAME=VALUE).</summary>
    public static bool HasEnvironment(int pid, string variable)
    {
        try
        {
            var environment = File.ReadAllBytes($"/proc/{pid}/environ");
            return environment.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(variable + "\0")) >= 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false; // Ended meanwhile, or not ours to read.
        }
    }
}
