using System.Text;
using ProcMan.Processes.Linux;

namespace ProcMan.Control;

/// <summary>
/// Where the control socket of the <c>procman up</c> for a given configuration file lives, so
/// that every client command finds it from the same file with no flag: a name derived from
/// the file's absolute path, in a directory only the user can enter.
/// </summary>
public static class ControlSocketPath
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The socket for <paramref name="configurationFile"/>; creates its directory (mode 0700) if needed.</summary>
    public static string For(string configurationFile)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        var directory = Directory();
        System.IO.Directory.CreateDirectory(directory, OwnerOnly);
        var mode = File.GetUnixFileMode(directory);
        if ((mode & ~OwnerOnly) != 0)
            throw new IOException($"{directory} is open to other users (mode {Convert.ToString((int)mode, 8)}); it must be 0700");
        return Path.Combine(directory, $"{Fnv1a(Encoding.UTF8.GetBytes(Path.GetFullPath(configurationFile))):x16}.sock");
    }

    /// <summary>
    /// 64-bit FNV-1a: a stable name per path. Not SHA-256: loading the crypto library would add
    /// tens of milliseconds to every start, and nothing here needs resistance to collisions.
    /// </summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary><c>$XDG_RUNTIME_DIR/procman</c> (per user, on tmpfs, cleaned at logout), else a per-user directory in the temp directory.</summary>
    private static string Directory() =>
        Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime
            ? Path.Combine(runtime, "procman")
            : Path.Combine(Path.GetTempPath(), $"procman-{LibC.GetEffectiveUserId()}");
}
