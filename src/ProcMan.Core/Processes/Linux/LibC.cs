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

    /// <summary>
    /// kill(2); .NET cannot send SIGTERM or signal a group. A negative <paramref name="pid"/>
    /// addresses a process group. False when there was no such process or group.
    /// </summary>
    public static bool Kill(int pid, int signal) => KillNative(pid, signal) == 0;

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
    /// Blocks until the child <paramref name="pid"/> ends, reaps it, and returns how, as a shell
    /// would: its exit code, or 128 + N if signal N killed it. Null if it cannot be waited for
    /// (someone else reaped it).
    /// </summary>
    public static int? WaitForExit(int pid)
    {
        int status;
        while (WaitPidNative(pid, &status, 0) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted)
                return null;
        }
        var signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /// <summary>
    /// Blocks until some child has ended and returns its pid, leaving it unreaped (waitid with
    /// WNOWAIT); null when ProcMan has no child at all.
    /// </summary>
    public static int? PeekEndedChild()
    {
        const int allChildren = 0, exited = 4, noWait = 0x01000000; // P_ALL, WEXITED, WNOWAIT
        var info = stackalloc byte[128]; // siginfo_t: si_pid follows signo, errno, code (and padding on 64-bit)
        while (WaitIdNative(allChildren, 0, info, exited | noWait) < 0)
        {
            if (Marshal.GetLastPInvokeError() != Interrupted)
                return null;
        }
        return *(int*)(info + (IntPtr.Size == 8 ? 16 : 12));
    }

    /// <summary>Reaps the ended child <paramref name="pid"/>, discarding its status.</summary>
    public static void Reap(int pid)
    {
        int status;
        _ = WaitPidNative(pid, &status, 1); // WNOHANG
    }

    /// <summary>
    /// Started with SIGCHLD ignored, ProcMan would have its children reaped by the kernel, and
    /// no exit status to read: the default disposition is put back (it ignores the signal too,
    /// but keeps the statuses). Any other disposition is left alone.
    /// </summary>
    public static void KeepChildExitStatuses()
    {
        const int childSignal = 17; // SIGCHLD
        nint ignored = 1, byDefault = 0; // SIG_IGN, SIG_DFL
        var current = stackalloc byte[256]; // struct sigaction; the handler comes first in glibc's and musl's
        if (SignalActionNative(childSignal, null, current) == 0 && *(nint*)current == ignored)
            SignalNative(childSignal, byDefault);
    }
}
