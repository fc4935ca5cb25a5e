using System.Diagnostics;
using System.Text;

namespace ProcMan.Processes.Linux;

/// <summary>
/// A cgroup v2 of one ProcMan instance, <c>procman-PID</c> under ProcMan's own cgroup,
/// where the machine lets ProcMan create one (root, or a systemd-delegated user cgroup). ProcMan
/// moves itself in before its first child, so that every process it starts, and everything
/// those start, is in it, whatever group or session it moves to and whoever its parent is: a
/// process that keeps hopping away (fork, setsid, parent exits) is still a member, and
/// <c>cgroup.kill</c> ends them all at once. One per instance rather than per process: moving
/// ProcMan's many threads in and out around every start would cost more than the start.
/// </summary>
/// <remarks>
/// Everything is optional: no cgroup v2 mount, no write access, a cgroup that may not hold
/// processes (EBUSY), or <see cref="OptOutVariable"/> set, and ProcMan works as without it.
/// </remarks>
internal sealed class InstanceCgroup
{
    /// <summary>Set to 1, ProcMan makes no cgroup (for tests of the fallback, and for machines whose cgroups are someone else's business).</summary>
    public const string OptOutVariable = "PROCMAN_NO_CGROUP";

    /// <summary>How long the guardian waits for the killed members to be gone before it removes the cgroup.</summary>
    private static readonly TimeSpan KillPatience = TimeSpan.FromSeconds(1);

    private readonly string _original;
    private string _name = "";

    private InstanceCgroup(string original, string path)
    {
        _original = original;
        Path = path;
    }

    /// <summary>The cgroup's directory.</summary>
    public string Path { get; }

    /// <summary>Makes the instance cgroup (not entered yet); null when the machine gives none, or it is not wanted.</summary>
    public static InstanceCgroup? Create()
    {
        if (Environment.GetEnvironmentVariable(OptOutVariable) == "1" || OwnDirectory() is not { } own)
            return null;
        var path = System.IO.Path.Combine(own, $"procman-{Environment.ProcessId}");
        // A directory of that name is another instance's (a ProcMan of the same pid in another
        // PID namespace): never shared.
        return LibC.MakeDirectory(path, 0b111_101_101) == 0 ? new InstanceCgroup(own, path) : null;
    }

    /// <summary>Moves ProcMan into the cgroup; false (and the cgroup removed) when the system refuses.</summary>
    public bool Enter()
    {
        if (LibC.WriteSmallFile(System.IO.Path.Combine(Path, "cgroup.procs"), Environment.ProcessId.ToString()) == 0
            && NameOf("self") is { } name && name.EndsWith($"/procman-{Environment.ProcessId}", StringComparison.Ordinal))
        {
            _name = name;
            return true;
        }
        Leave();
        return false;
    }

    /// <summary>
    /// Moves ProcMan back to its own cgroup, and removes this one if nothing is left in it; true
    /// when it is gone. A member left behind is the guardian's to kill, and it removes the cgroup.
    /// </summary>
    public bool Leave()
    {
        _ = LibC.WriteSmallFile(System.IO.Path.Combine(_original, "cgroup.procs"), Environment.ProcessId.ToString());
        return LibC.RemoveDirectory(Path) == 0;
    }

    /// <summary>The live processes in the cgroup, ProcMan itself excepted.</summary>
    public IReadOnlyList<int> Members() =>
        [.. ReadMembers(Path).Where(pid => pid != Environment.ProcessId)];

    /// <summary>Whether <paramref name="pid"/> is in this cgroup now (asked with a pidfd open on it: a pid reused since is outside).</summary>
    public bool Holds(int pid) => _name.Length > 0 && NameOf(pid.ToString()) == _name;

    /// <summary>
    /// For the guardian, at ProcMan's end: kills every member of the cgroup at
    /// <paramref name="path"/> (with <c>cgroup.kill</c>, which nothing can escape, or member by
    /// member before Linux 5.14), waits, bounded, until it is empty, and removes it.
    /// </summary>
    public static void KillAndRemove(string path)
    {
        var killed = LibC.WriteSmallFile(System.IO.Path.Combine(path, "cgroup.kill"), "1") == 0;
        var started = Stopwatch.GetTimestamp();
        while (IsPopulated(path) && Stopwatch.GetElapsedTime(started) < KillPatience)
        {
            if (!killed)
            {
                // By pid, just read from the cgroup: only a member that ended and was reaped in
                // between could have passed its pid on (a window of microseconds, before 5.14 only).
                foreach (var pid in ReadMembers(path))
                    LibC.Kill(pid, UnixSignal.Kill.Number);
            }
            Thread.Sleep(5); // The kernel finishes the killed asynchronously.
        }
        _ = LibC.RemoveDirectory(path);
    }

    /// <summary>
    /// The directory of ProcMan's own cgroup v2: its path in /proc/self/cgroup (the "0::" line)
    /// under a cgroup2 mount from /proc/self/mountinfo whose root contains it; null when none.
    /// </summary>
    internal static string? OwnDirectory()
    {
        if (NameOf("self") is not { } name)
            return null;
        string[] mounts;
        try
        {
            mounts = File.ReadAllLines("/proc/self/mountinfo");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        foreach (var line in mounts)
        {
            // "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS"
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            if (separator < 0 || !line[(separator + 3)..].StartsWith("cgroup2 ", StringComparison.Ordinal))
                continue;
            var fields = line[..separator].Split(' ');
            if (fields.Length < 5)
                continue;
            var root = Unescape(fields[3]).TrimEnd('/');
            if (name == root || name.StartsWith(root + "/", StringComparison.Ordinal))
            {
                var directory = Unescape(fields[4]).TrimEnd('/') + name[root.Length..];
                if (Directory.Exists(directory))
                    return directory;
            }
        }
        return null;
    }

    /// <summary>The cgroup v2 path of a process (<c>self</c> or a pid), from its "0::" line in /proc; null when none.</summary>
    private static string? NameOf(string process)
    {
        Span<byte> buffer = stackalloc byte[4096];
        var length = LibC.ReadSmallFile($"/proc/{process}/cgroup", buffer);
        if (length < 0)
            return null;
        foreach (var line in Encoding.UTF8.GetString(buffer[..length]).Split('\n'))
        {
            if (line.StartsWith("0::/", StringComparison.Ordinal))
                return line[3..];
        }
        return null;
    }

    private static List<int> ReadMembers(string path)
    {
        var members = new List<int>();
        try
        {
            foreach (var line in File.ReadAllLines(System.IO.Path.Combine(path, "cgroup.procs")))
            {
                if (int.TryParse(line, out var pid))
                    members.Add(pid);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Removed meanwhile: nobody in it.
        }
        return members;
    }

    private static bool IsPopulated(string path)
    {
        try
        {
            return File.ReadAllLines(System.IO.Path.Combine(path, "cgroup.events")).Contains("populated 1");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>mountinfo escapes space, tab, newline and backslash as \ooo.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
            return field;
        var text = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field.AsSpan(i + 1, 3)))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }
        return text.ToString();
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (var digit in digits)
        {
            if (digit is < '0' or > '7')
                return false;
        }
        return true;
    }
}
