using System.Text;
using ProcMan.Processes.Linux;

namespace ProcMan.Control;

/// <summary>
/// Where the control socket of the <c>procman up</c> for a given configuration file lives, so
/// that every client command finds it from the same file with no flag: a name derived from
/// the file's absolute path, in a directory only the user can enter. The directory is trusted
/// only when it is a real directory, the user's own, closed to others: in a shared temp
/// directory another user can make it first (or a link by its name), and whoever owns it
/// can put a socket of their own in it.
/// </summary>
internal static class ControlSocketPath
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The socket for <paramref name="configurationFile"/>; creates its directory (mode 0700) if needed.</summary>
    /// <exception cref="ControlSocketException">The directory is not to be trusted.</exception>
    public static string For(string configurationFile)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        var directory = Directory();
        try
        {
            System.IO.Directory.CreateDirectory(directory, OwnerOnly);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Made already, by someone (checked below), or a parent is not ours to write.
            if (FileOwnership.Of(directory) is null)
                throw new ControlSocketException($"cannot make {directory}: {exception.Message}");
        }
        CheckDirectory(directory);
        return Path.Combine(directory, FileName(configurationFile));
    }

    /// <summary>The socket's name in its directory.</summary>
    internal static string FileName(string configurationFile) =>
        $"{Fnv1a(Encoding.UTF8.GetBytes(Path.GetFullPath(configurationFile))):x16}.sock";

    /// <summary>
    /// Whether a socket of the user's is at <paramref name="path"/> (live or left by a killed
    /// instance); false when nothing is.
    /// </summary>
    /// <exception cref="ControlSocketException">Something else is there: never taken for procman's, never deleted.</exception>
    public static bool HasSocket(string path)
    {
        var entry = Examine(path);
        if (entry is null)
            return false;
        if (entry.Value.Kind != FileKind.Socket)
            throw new ControlSocketException($"{path} is {Describe(entry.Value.Kind)}, not procman's control socket: remove it");
        var user = LibC.GetEffectiveUserId();
        if (entry.Value.Owner != user)
            throw new ControlSocketException($"{path} belongs to uid {entry.Value.Owner}, not to you (uid {user}): remove it");
        return true;
    }

    private static void CheckDirectory(string directory)
    {
        var entry = Examine(directory)
            ?? throw new ControlSocketException($"{directory} vanished as it was made: run the command again");
        var user = LibC.GetEffectiveUserId();
        if (entry.Kind == FileKind.SymbolicLink)
            throw new ControlSocketException($"{directory} is a symbolic link; procman's socket directory must be a real directory of your own: remove it");
        if (entry.Kind != FileKind.Directory)
            throw new ControlSocketException($"{directory} is {Describe(entry.Kind)}, not a directory; procman's socket directory must be a directory of your own: remove it");
        if (entry.Owner != user)
            throw new ControlSocketException($"{directory} belongs to uid {entry.Owner}, not to you (uid {user}); another user may have made it to intercept procman's socket: remove it");
        if ((entry.Mode & ~OwnerOnly) != 0)
            throw new ControlSocketException($"{directory} is open to other users (mode {Convert.ToString((int)entry.Mode, 8).PadLeft(4, '0')}); it must be 0700: chmod 700 {directory}");
    }

    private static FileOwnership? Examine(string path)
    {
        try
        {
            return FileOwnership.Of(path);
        }
        catch (IOException exception)
        {
            throw new ControlSocketException(exception.Message);
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.RegularFile => "a regular file",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Socket => "a socket",
        FileKind.NamedPipe => "a named pipe",
        _ => "a device",
    };

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

    /// <summary>
    /// <c>$XDG_RUNTIME_DIR/procman</c> when that directory exists (per user, private, cleaned
    /// at logout), else a per-user directory in the temp directory (<c>$TMPDIR</c> or /tmp).
    /// </summary>
    private static string Directory() =>
        Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && System.IO.Directory.Exists(runtime)
            ? Path.Combine(runtime, "procman")
            : Path.Combine(Path.GetTempPath(), $"procman-{LibC.GetEffectiveUserId()}");
}
