using System.Runtime.InteropServices;

namespace ProcMan.Processes.Linux;

/// <summary>The libc calls .NET 10 does not expose in the form ProcMan needs.</summary>
internal static unsafe partial class LibC
{
    public const int Interrupted = 4; // EINTR
    public const int WouldBlock = 11; // EAGAIN
    private const short PollOut = 4;

    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int PollNative(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetResourceLimitNative(int resource, nuint* limits);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxNative(int directoryFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int IoctlNative(int fd, nuint request, ushort* argument);

    /// <summary>
    /// The width in columns of the terminal <paramref name="fd"/> is (TIOCGWINSZ), or null when it
    /// is not one or does not say. Asked at each use: the window can be resized at any time.
    /// </summary>
    public static int? TerminalWidth(int fd)
    {
        const nuint GetWindowSize = 0x5413; // TIOCGWINSZ
        var size = stackalloc ushort[4]; // rows, columns, x pixels, y pixels
        return IoctlNative(fd, GetWindowSize, size) == 0 && size[1] > 0 ? size[1] : null;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    /// <summary>fcntl(2) with an int argument; -1 with the errno on failure.</summary>
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPidNative(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "waitid", SetLastError = true)]
    private static partial int WaitIdNative(int idType, int id, byte* info, int options);

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int SignalActionNative(int signal, void* action, void* previous);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SignalNative(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long SyscallNative(long number, long first, long second, long third, long fourth);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int PrctlNative(int option, nuint second, nuint third, nuint fourth, nuint fifth);

    // The same numbers on every architecture (the syscall table was unified from 403 on); called
    // through syscall(2) because glibc wraps them only from 2.36.
    private const long PidfdSendSignalCall = 424, PidfdOpenCall = 434;

    /// <summary>
    /// pidfd_open(2): a descriptor bound to the process <paramref name="pid"/> is now, which
    /// goes on naming that process (and no other) when its pid is reused. -1 when there is no
    /// such process, or the kernel is older than 5.3.
    /// </summary>
    public static int OpenPidfd(int pid) => (int)SyscallNative(PidfdOpenCall, pid, 0, 0, 0);

    /// <summary>pidfd_send_signal(2); false when the process has ended (or was reaped).</summary>
    public static bool SignalPidfd(int pidfd, int signal) => SyscallNative(PidfdSendSignalCall, pidfd, signal, 0, 0) == 0;

    /// <summary>
    /// prctl(PR_SET_CHILD_SUBREAPER): what ProcMan's descendants orphan is reparented to ProcMan
    /// rather than to init, so that it stays in reach, and cannot end unseen.
    /// </summary>
    public static bool BecomeChildSubreaper() => PrctlNative(36, 1, 0, 0, 0) == 0;

    public static void Close(int fd) => CloseNative(fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseNative(int fd);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenNative(string path, int flags);

    /// <summary>
    /// Reads a small file (a /proc entry) in one open, one read and one close; the length read,
    /// or -1 when it cannot be opened or read. FileStream would add fstat, flock and a second
    /// read to each, and ProcMan reads hundreds of these at a stop.
    /// </summary>
    public static int ReadSmallFile(string path, Span<byte> buffer)
    {
        const int readOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
        var fd = OpenNative(path, readOnlyCloseOnExec);
        if (fd < 0)
            return -1;
        try
        {
            var read = Read(fd, buffer, out _);
            return (int)read;
        }
        finally
        {
            CloseNative(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "mkdir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeDirectoryNative(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "rmdir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RemoveDirectoryNative(string path);

    /// <summary>mkdir(2): 0, or the errno (EEXIST included: the directory must be a new one).</summary>
    public static int MakeDirectory(string path, uint mode) =>
        MakeDirectoryNative(path, mode) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>rmdir(2): 0, or the errno (EBUSY for a cgroup that still holds processes).</summary>
    public static int RemoveDirectory(string path) =>
        RemoveDirectoryNative(path) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>
    /// Writes <paramref name="text"/> to an existing file (a cgroup control file) in one open and
    /// one write, without creating or truncating it: 0, or the errno. A cgroup file takes each
    /// write as one command, so it must not be split, as a buffered stream might.
    /// </summary>
    public static int WriteSmallFile(string path, string text)
    {
        const int writeOnlyCloseOnExec = 0x80001; // O_WRONLY | O_CLOEXEC
        var fd = OpenNative(path, writeOnlyCloseOnExec);
        if (fd < 0)
            return Marshal.GetLastPInvokeError();
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            int errno;
            while (Write(fd, bytes, out errno) < 0)
            {
                if (errno != Interrupted)
                    return errno;
            }
            return 0;
        }
        finally
        {
            CloseNative(fd);
        }
    }

    /// <summary>
    /// kill(2); .NET cannot send SIGTERM or signal a group. A negative <paramref name="pid"/>
    /// addresses a process group. False when there was no such process or group.
    /// </summary>
    public static bool Kill(int pid, int signal) => KillNative(pid, signal) == 0;

    /// <summary>
    /// Blocks until <paramref name="fd"/> reports an error or hang-up (poll(2) asked for no
    /// event at all: a pipe whose reader is gone gives POLLERR, a socket or terminal POLLHUP).
    /// False when it cannot be watched (closed, or poll failed).
    /// </summary>
    public static bool WaitForHangUp(int fd)
    {
        const short error = 8, hangUp = 16, invalid = 32; // POLLERR, POLLHUP, POLLNVAL
        var poll = new PollFd { Fd = fd, Events = 0 };
        while (true)
        {
            var ready = PollNative(&poll, 1, -1);
            if (ready < 0 && Marshal.GetLastPInvokeError() == Interrupted)
                continue;
            return ready > 0 && (poll.ReturnedEvents & invalid) == 0 && (poll.ReturnedEvents & (error | hangUp)) != 0;
        }
    }

    /// <summary>The soft limit on open descriptors (RLIMIT_NOFILE); null when it cannot be read.</summary>
    public static ulong? OpenFileLimit()
    {
        const int openFiles = 7; // RLIMIT_NOFILE
        var limits = stackalloc nuint[2]; // struct rlimit: rlim_cur, rlim_max, each an unsigned long
        return GetResourceLimitNative(openFiles, limits) == 0 ? limits[0] : null;
    }

    /// <summary>
    /// statx(2) of <paramref name="path"/> itself, a symbolic link not followed: its file type
    /// and permission bits (st_mode) and its owner. statx, not lstat: its layout is the same on
    /// every architecture, and glibc exported lstat only from 2.33. -1 with the errno on failure.
    /// </summary>
    public static int StatNoFollow(string path, out ushort mode, out uint owner, out int errno)
    {
        const int currentDirectory = -100, noFollow = 0x100; // AT_FDCWD, AT_SYMLINK_NOFOLLOW
        const uint wanted = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID
        var buffer = stackalloc byte[256]; // struct statx
        var result = StatxNative(currentDirectory, path, noFollow, wanted, buffer);
        errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
        owner = *(uint*)(buffer + 20); // stx_uid, after stx_mask, stx_blksize, stx_attributes, stx_nlink
        mode = *(ushort*)(buffer + 28); // stx_mode, after stx_gid
        return result;
    }

    /// <summary>Waits until <paramref name="fd"/> can be written (for a descriptor left non-blocking by whoever started ProcMan).</summary>
    public static void WaitUntilWritable(int fd)
    {
        var poll = new PollFd { Fd = fd, Events = PollOut };
        _ = PollNative(&poll, 1, -1);
    }

    /// <summary>
    /// Gives the pipe <paramref name="fd"/> room for at least <paramref name="bytes"/> unread
    /// bytes (F_SETPIPE_SZ). False when the system refuses: above /proc/sys/fs/pipe-max-size, or
    /// when the user's pipes already hold more than their share.
    /// </summary>
    public static bool GrowPipe(int fd, int bytes)
    {
        const int setPipeSize = 1031, getPipeSize = 1032;
        return Fcntl(fd, getPipeSize, 0) >= bytes || Fcntl(fd, setPipeSize, bytes) >= bytes;
    }

    /// <summary>write(2) once; returns the count written, or -1 with the errno.</summary>
    public static nint Write(int fd, ReadOnlySpan<byte> bytes, out int errno)
    {
        fixed (byte* pointer = bytes)
        {
            var written = WriteNative(fd, pointer, bytes.Length);
            errno = written < 0 ? Marshal.GetLastPInvokeError() : 0;
            return written;
        }
    }

    /// <summary>read(2) once; returns the count read (0 at the end), or -1 with the errno.</summary>
    public static nint Read(int fd, Span<byte> buffer, out int errno)
    {
        fixed (byte* pointer = buffer)
        {
            var read = ReadNative(fd, pointer, buffer.Length);
            errno = read < 0 ? Marshal.GetLastPInvokeError() : 0;
            return read;
        }
    }

    /// <summary>
    /// Blocks until the child <paramref name="pid"/> ends and returns how (its exit code, or the
    /// signal that killed it: two facts a shell's 128 + N would merge), but leaves it unreaped (a zombie): until
    /// <see cref="ReapIfEnded"/>, its pid, and so its process group and session ids, cannot be
    /// given to another process. Null if it cannot be waited for.
    /// </summary>
    public static ExitStatus? WaitForExitKeepingZombie(int pid)
    {
        const int onePid = 1, exited = 4, noWait = 0x01000000; // P_PID, WEXITED, WNOWAIT
        const int byExit = 1, byKill = 2, byDump = 3; // CLD_EXITED, CLD_KILLED, CLD_DUMPED
        var info = stackalloc byte[128];
        while (WaitIdNative(onePid, pid, info, exited | noWait) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted)
                return null;
        }
        // siginfo_t: signo, errno, code, then (after padding on 64-bit) pid, uid, status.
        var code = *(int*)(info + 8);
        var statusOffset = IntPtr.Size == 8 ? 24 : 20;
        var status = *(int*)(info + statusOffset);
        return code switch
        {
            byExit => ExitStatus.Exited(status & 0xff),
            byKill or byDump => ExitStatus.KilledBy(new UnixSignal(status), coreDumped: code == byDump),
            _ => null,
        };
    }

    /// <summary>Reaps the child <paramref name="pid"/> if it has ended, discarding its status; false while it runs.</summary>
    public static bool ReapIfEnded(int pid)
    {
        int status;
        return WaitPidNative(pid, &status, 1) > 0; // WNOHANG
    }

    /// <summary>
    /// Puts <paramref name="signal"/> back to its default disposition if ProcMan was started
    /// with it ignored; any other disposition (a handler) is left alone.
    /// </summary>
    public static void RestoreDefaultIfIgnored(int signal)
    {
        nint ignored = 1, byDefault = 0; // SIG_IGN, SIG_DFL
        var current = stackalloc byte[256]; // struct sigaction; the handler comes first in glibc's and musl's
        if (SignalActionNative(signal, null, current) == 0 && *(nint*)current == ignored)
            SignalNative(signal, byDefault);
    }

    /// <summary>
    /// The type bits (S_IFMT of st_mode) of what <paramref name="path"/> names, symbolic links
    /// followed; null when it cannot be told (no such file, or no statx in this libc). statx
    /// rather than stat: its buffer has one layout on every architecture.
    /// </summary>
    public static int? FileTypeOf(string path)
    {
        const int currentDirectory = -100, statxType = 1, modeOffset = 28; // AT_FDCWD, STATX_TYPE, stx_mode
        var buffer = stackalloc byte[256]; // struct statx
        try
        {
            if (StatxNative(currentDirectory, path, 0, statxType, buffer) != 0)
                return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        return *(ushort*)(buffer + modeOffset) & 0xF000;
    }
}
