using System.Runtime.InteropServices;

namespace ProcMan.Processes.Linux;

/// <summary>The libc calls .NET 10 does not expose in the form ProcMan needs.</summary>
internal static unsafe partial class LibC
{
    public const int Interrupted = 4; // EINTR

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nint count);

    /// <summary>
    /// kill(2); .NET cannot send SIGTERM or signal a group. A negative <paramref name="pid"/>
    /// addresses a process group. False when there was no such process or group.
    /// </summary>
    public static bool Kill(int pid, int signal) => KillNative(pid, signal) == 0;

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
}
