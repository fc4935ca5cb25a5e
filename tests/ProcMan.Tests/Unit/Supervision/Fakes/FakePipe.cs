using System.Collections.Concurrent;

namespace ProcMan.Tests.Unit.Supervision.Fakes;

/// <summary>The read end of a pipe in memory: reads block until bytes are written or the pipe is closed.</summary>
internal sealed class FakePipe : Stream
{
    private readonly BlockingCollection<byte[]> _pending = new();
    private byte[] _current = [];
    private int _offset;

    public void Write(byte[] bytes) => _pending.Add(bytes);

    public override void Close() => _pending.CompleteAdding();

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset == _current.Length)
        {
            if (!_pending.TryTake(out var next, Timeout.Infinite))
                return 0;
            (_current, _offset) = (next, 0);
        }
        var length = Math.Min(count, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, length);
        _offset += length;
        return length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
