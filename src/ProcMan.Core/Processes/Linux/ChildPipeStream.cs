using Microsoft.Win32.SafeHandles;

namespace ProcMan.Processes.Linux;

/// <summary>
/// ProcMan's end of a child's stdout or stderr pipe, read with plain <c>read(2)</c>, and grown
/// with <c>F_SETPIPE_SZ</c> when asked.
/// </summary>
/// <remarks>
/// The handle is held for the length of each read, so closing it while a pump is blocked in a
/// read (a pipe abandoned to an escaped grandchild) closes it only once that read returns: its
/// number cannot be reused under the pump, which would then read another child's pipe.
/// </remarks>
internal sealed class ChildPipeStream(SafeFileHandle handle) : Stream, IGrowablePipe
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var held = false;
        try
        {
            handle.DangerousAddRef(ref held);
            while (true)
            {
                var read = LibC.Read((int)handle.DangerousGetHandle(), buffer, out var errno);
                if (read >= 0)
                    return (int)read;
                if (errno != LibC.Interrupted)
                    throw new IOException(new System.ComponentModel.Win32Exception(errno).Message, errno);
            }
        }
        catch (ObjectDisposedException)
        {
            return 0; // Closed by ProcMan: for the pump, the end of the stream.
        }
        finally
        {
            if (held)
                handle.DangerousRelease();
        }
    }

    public bool TryGrow(int bytes)
    {
        var held = false;
        try
        {
            handle.DangerousAddRef(ref held);
            return LibC.GrowPipe((int)handle.DangerousGetHandle(), bytes);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            if (held)
                handle.DangerousRelease();
        }
    }

    public override void Flush()
    {
    }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            handle.Dispose();
        base.Dispose(disposing);
    }
}
