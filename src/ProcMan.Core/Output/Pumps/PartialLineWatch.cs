namespace ProcMan.Output;

/// <summary>
/// For a pump whose output goes to a terminal: shows a line the child leaves unfinished (a
/// prompt without newline, a <c>\r</c> progress bar) once it has stayed so for <c>delay</c>,
/// by putting a copy of it (<see cref="LinePart.Preview"/>) in the channel; then again at most
/// once per <c>delay</c> while it grows. The line itself still goes out whole when it ends.
/// </summary>
/// <remarks>
/// The pump's buffer is read here only while the pump waits in <c>read(2)</c>, under the lock
/// that the pump takes before and after each read, so the copy is never torn. A preview goes
/// into the channel under that lock too, before the pump can send the line it shows, so it
/// always comes first. Costs the pump two uncontended locks per read, and a timer change at
/// most once per <c>delay</c>; a pump whose output is not a terminal has no watch at all.
/// </remarks>
internal sealed class PartialLineWatch : IDisposable
{
    /// <summary>
    /// 200 ms: a prompt shows before anyone wonders where it is, and a line that a child writes
    /// in several writes (or that stdio splits) is nearly always whole long before.
    /// </summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    private readonly object _gate = new();
    private readonly OutputSource _source;
    private readonly OutputStream _stream;
    private readonly OutputInlet _output;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;

    // The unfinished line, valid while _waiting: _buffer[_start.._end].
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _waiting;
    private bool _hasLine;
    private long _lineSince;
    private long? _shownAt;
    private int _shownLength;
    private bool _armed;
    private bool _disposed;

    public PartialLineWatch(OutputSource source, OutputStream stream, OutputInlet output, TimeSpan delay, TimeProvider time)
    {
        _source = source;
        _stream = stream;
        _output = output;
        _delay = delay;
        _time = time;
        _timer = time.CreateTimer(static state => ((PartialLineWatch)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The pump is about to wait for its child, holding <paramref name="buffer"/>[<paramref name="start"/>..<paramref name="end"/>]
    /// of an unfinished line (empty: none); <paramref name="newLine"/> when the last read ended a
    /// line, so what is held is another line.
    /// </summary>
    public void BeforeRead(byte[] buffer, int start, int end, bool newLine)
    {
        lock (_gate)
        {
            if (end == start)
            {
                _hasLine = false;
                return;
            }
            if (newLine || !_hasLine)
            {
                _hasLine = true;
                _lineSince = _time.GetTimestamp();
                _shownAt = null;
                _shownLength = 0;
            }
            _buffer = buffer;
            _start = start;
            _end = end;
            _waiting = true;
            if (!_armed && end - start != _shownLength)
                Arm();
        }
    }

    /// <summary>The read returned: the pump owns its buffer again.</summary>
    public void AfterRead()
    {
        lock (_gate)
            _waiting = false;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _waiting = false;
        }
        _timer.Dispose();
    }

    /// <summary>Sets the timer for when the held line is due to be shown. Under the lock.</summary>
    private void Arm()
    {
        var since = _time.GetElapsedTime(_shownAt ?? _lineSince);
        var due = since >= _delay ? TimeSpan.Zero : _delay - since;
        _armed = true;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _armed = false;
            // Busy, or nothing new to show: the next wait for the child arms the timer again.
            if (_disposed || !_waiting || !_hasLine || _end - _start == _shownLength)
                return;
            if (_time.GetElapsedTime(_shownAt ?? _lineSince) < _delay)
            {
                Arm();
                return;
            }
            var preview = OutputChunk.Copy(_source, _stream, _buffer.AsSpan(_start, _end - _start), addNewline: false) with { Part = LinePart.Preview };
            if (!_output.TryWrite(preview))
                preview.Release();
            _shownAt = _time.GetTimestamp();
            _shownLength = _end - _start;
        }
    }
}
