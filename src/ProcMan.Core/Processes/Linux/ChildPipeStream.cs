using System.IO.Pipes;

namespace ProcMan.Processes.Linux;

/// <summary>The read end of a child's stdout or stderr pipe, which can be grown with <c>F_SETPIPE_SZ</c>.</summary>
internal sealed class ChildPipeStream(PipeStream pipe) : Stream, IGrowablePipe
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    public override int Read(byte[] buffer, int offset, int count) => pipe.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => pipe.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        pipe.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        pipe.ReadAsync(buffer, cancellationToken);

    public bool TryGrow(int bytes) => LibC.GrowPipe((int)pipe.SafePipeHandle.DangerousGetHandle(), bytes);

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
            pipe.Dispose();
        base.Dispose(disposing);
    }
}
