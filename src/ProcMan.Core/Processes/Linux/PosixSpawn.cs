using System.Runtime.InteropServices;
using System.Text;

namespace ProcMan.Processes.Linux;

/// <summary>
/// Starts a child with <c>posix_spawn</c>: in a session (and process group) of its own, every
/// signal at its default disposition, none blocked, stdin an empty pipe kept open, stdout and
/// stderr pipes to ProcMan. One exec, where starting it through <c>Process</c> needed three
/// (util-linux setsid for the group, coreutils env to undo the runtime's ignored SIGPIPE, then
/// the command): about 4.5 ms less CPU per child (README, "Benchmark").
/// </summary>
/// <remarks>
/// The runtime never learns of these children, so it never reaps them: each is waited for by
/// <see cref="LinuxChildProcess"/> with <c>waitpid</c> on its own pid.
/// </remarks>
internal static unsafe partial class PosixSpawn
{
    private const short SetSignalDefaults = 0x04, SetSignalMask = 0x08, SetSession = 0x80; // POSIX_SPAWN_*, glibc and musl
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int DuplicateCloseOnExec = 1030; // F_DUPFD_CLOEXEC
    private const int BrokenPipe = 13; // SIGPIPE

    // Opaque to us; sized well above glibc's and musl's (80, 336 and 128 bytes on x86-64).
    private const int OpaqueSize = 1024;

    /// <summary>The child's pid, and ProcMan's ends of its pipes.</summary>
    public readonly record struct Spawned(int Pid, int StandardInput, int StandardOutput, int StandardError);

    /// <summary>
    /// Starts <paramref name="arguments"/> (the first found on the child's PATH) in <paramref name="directory"/>,
    /// leading a session of its own, its standard streams pipes to ProcMan.
    /// </summary>
    /// <exception cref="IOException">The system refused; the message says why.</exception>
    public static Spawned Start(IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string> environment)
    {
        // [stdin read, stdin write, stdout read, stdout write, stderr read, stderr write]
        var fds = new[] { -1, -1, -1, -1, -1, -1 };
        var spawned = false;
        try
        {
            for (var i = 0; i < fds.Length; i += 2)
                (fds[i], fds[i + 1]) = Pipe();
            var pid = Spawn(arguments, directory, environment, [fds[0], fds[3], fds[5]], attached: false);
            spawned = true;
            return new Spawned(pid, fds[1], fds[2], fds[4]);
        }
        finally
        {
            // The child's ends always (it has its copies now, or never will); ProcMan's if it failed.
            for (var i = 0; i < fds.Length; i++)
            {
                if (fds[i] >= 0 && !(spawned && i is 1 or 2 or 4))
                    Close(fds[i]);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="arguments"/> like <see cref="Start"/>, but sharing ProcMan's own
    /// standard streams and process group (a terminal's Ctrl-C reaches it directly), and the
    /// signals ProcMan was started with ignored (<c>nohup procman run</c>) but SIGPIPE, which
    /// only the runtime ignored. Returns its pid.
    /// </summary>
    /// <exception cref="IOException">The system refused; the message says why.</exception>
    public static int StartAttached(IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string> environment) =>
        Spawn(arguments, directory, environment, standardStreams: null, attached: true);

    /// <param name="standardStreams">What the child gets as fds 0, 1 and 2; null for ProcMan's own.</param>
    private static int Spawn(IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string> environment,
        int[]? standardStreams, bool attached)
    {
        var name = arguments[0];
        var program = FindProgram(name, directory, environment);
        if (!CanChangeDirectory)
        {
            // An older C library (glibc before 2.29): the shell changes directory, then execs in place.
            arguments = [.. ShellCommand.Arguments("cd -- \"$1\" && shift && exec \"$@\"", ["sh", directory, program, .. arguments.Skip(1)])];
            program = arguments[0];
        }
        var actions = stackalloc byte[OpaqueSize];
        var attributes = stackalloc byte[OpaqueSize];
        var defaults = stackalloc byte[OpaqueSize];
        var noSignals = stackalloc byte[OpaqueSize];
        using var strings = new NativeStrings();
        Check(FileActionsInit(actions));
        Check(SpawnAttributesInit(attributes));
        try
        {
            // dup2 clears close-on-exec on the target; every other descriptor of ProcMan's is close-on-exec.
            for (var target = 0; target < (standardStreams?.Length ?? 0); target++)
                Check(AddDuplicate(actions, standardStreams![target], target));
            if (CanChangeDirectory)
                Check(AddChangeDirectory(actions, strings.Add(directory)));
            SignalEmptySet(noSignals);
            if (attached)
            {
                SignalEmptySet(defaults);
                SignalAdd(defaults, BrokenPipe);
            }
            else
            {
                SignalFillSet(defaults);
            }
            Check(SetFlags(attributes, (short)((attached ? 0 : SetSession) | SetSignalDefaults | SetSignalMask)));
            Check(SetSignalDefault(attributes, defaults));
            Check(SetMask(attributes, noSignals));

            var argv = strings.AddArray(arguments);
            var envp = strings.AddArray(environment.Select(pair => $"{pair.Key}={pair.Value}").ToList());
            int pid;
            var error = SpawnNative(&pid, strings.Add(program), actions, attributes, argv, envp);
            if (error != 0)
                throw new IOException($"cannot start {name}: {Marshal.GetPInvokeErrorMessage(error)}");
            return pid;
        }
        finally
        {
            SpawnAttributesDestroy(attributes);
            FileActionsDestroy(actions);
        }
    }

    /// <summary>
    /// <paramref name="name"/> itself if it holds a slash, else its first executable file on the
    /// child's PATH (not ProcMan's: a process may set its own, say to node_modules/.bin), as
    /// execvp would search it from the child's <paramref name="workingDirectory"/>.
    /// </summary>
    private static string FindProgram(string name, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        if (name.Contains('/'))
            return name;
        var path = environment.TryGetValue("PATH", out var value) ? value : "/bin:/usr/bin";
        const UnixFileMode executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        foreach (var directory in path.Split(':'))
        {
            // An empty or relative entry is relative to the child's directory.
            var candidate = Path.Combine(workingDirectory, directory, name);
            if (!OperatingSystem.IsWindows() && File.Exists(candidate) && (File.GetUnixFileMode(candidate) & executable) != 0)
                return candidate;
        }
        throw new IOException($"cannot start {name}: not found on PATH ({path})");
    }

    /// <summary>Whether the C library can change the child's directory itself (glibc 2.29, musl 1.1.24).</summary>
    private static bool CanChangeDirectory { get; } = HasChangeDirectory();

    private static bool HasChangeDirectory()
    {
        var actions = stackalloc byte[OpaqueSize];
        if (FileActionsInit(actions) != 0)
            return false;
        try
        {
            fixed (byte* root = "/\0"u8)
                AddChangeDirectory(actions, root);
            return true;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        finally
        {
            FileActionsDestroy(actions);
        }
    }

    /// <summary>A close-on-exec pipe, both ends above 2 (should ProcMan's own stdin be closed) so that no dup2 is a no-op.</summary>
    private static (int Read, int Write) Pipe()
    {
        var fds = stackalloc int[2];
        if (Pipe2(fds, CloseOnExec) != 0)
            throw new IOException($"cannot create a pipe: {Marshal.GetLastPInvokeErrorMessage()}");
        int read = fds[0], write = fds[1];
        try
        {
            read = AboveStandardStreams(read);
            write = AboveStandardStreams(write);
            return (read, write);
        }
        catch
        {
            Close(read);
            Close(write);
            throw;
        }
    }

    /// <summary>Moves <paramref name="fd"/> above 2; on failure it is left as it was, for the caller to close.</summary>
    private static int AboveStandardStreams(int fd)
    {
        if (fd > 2)
            return fd;
        var moved = LibC.Fcntl(fd, DuplicateCloseOnExec, 3);
        if (moved < 0)
            throw new IOException($"cannot create a pipe: {Marshal.GetLastPInvokeErrorMessage()}");
        Close(fd);
        return moved;
    }

    private static void Check(int error)
    {
        if (error != 0)
            throw new IOException(Marshal.GetPInvokeErrorMessage(error));
    }

    /// <summary>NUL-terminated UTF-8 strings and NULL-terminated arrays of them, freed together.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _blocks = [];

        public byte* Add(string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            var block = (byte*)NativeMemory.Alloc((nuint)length + 1);
            _blocks.Add((nint)block);
            Encoding.UTF8.GetBytes(text, new Span<byte>(block, length));
            block[length] = 0;
            return block;
        }

        public byte** AddArray(IReadOnlyList<string> texts)
        {
            var array = (byte**)NativeMemory.Alloc((nuint)(texts.Count + 1), (nuint)sizeof(nint));
            _blocks.Add((nint)array);
            for (var i = 0; i < texts.Count; i++)
                array[i] = Add(texts[i]);
            array[texts.Count] = null;
            return array;
        }

        public void Dispose()
        {
            foreach (var block in _blocks)
                NativeMemory.Free((void*)block);
        }
    }

    private static void Close(int fd) => CloseNative(fd);
}
