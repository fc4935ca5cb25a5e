namespace ProcMan.Processes.Linux;

/// <summary>
/// A write-only stream over an inherited file descriptor (stdout), writing with plain write(2).
/// </summary>
/// <remarks>
/// Neither stream .NET offers will do: Console's stream pretends a write to a closed pipe
/// succeeded (ProcMan must notice <c>| head</c> going away), and FileStream writes a regular
/// file with pwrite at its own offset, overwriting what the shell writes after it into the same
/// file (<c>{ procman up; echo done; } &gt; log</c>).
/// </remarks>
internal sealed class FileDescriptorStream(int fd) : Stream
{
    private const int BrokenPipe = 32; // EPIPE

    public static FileDescriptorStream StandardOutput() => new(1);

    /// <summary>Calls <paramref name="onHangUp"/> as soon as the descriptor's reader goes away, even while nothing is written.</summary>
    public void WatchForHangUp(Action onHangUp) => HangUpWatcher.Watch(fd, onHangUp);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var written = LibC.Write(fd, buffer, out var errno);
            if (written < 0)
            {
                if (errno == LibC.Interrupted)
                    continue;
                if (errno == LibC.WouldBlock)
                {
                    LibC.WaitUntilWritable(fd);
                    continue;
                }
                throw errno == BrokenPipe ? new ReaderGoneException(ErrnoMessage(errno)) : new IOException(ErrnoMessage(errno), errno);
            }
            buffer = buffer[(int)written..];
        }
    }

    public override void Flush()
    {
    }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private static string ErrnoMessage(int errno) => errno switch
    {
        28 => "No space left on device",
        32 => "Broken pipe",
        _ => new System.ComponentModel.Win32Exception(errno).Message,
    };
}
