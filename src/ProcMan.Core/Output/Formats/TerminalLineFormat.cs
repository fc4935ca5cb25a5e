namespace ProcMan.Output;

/// <summary>
/// The text format on a terminal, where the screen, not the bytes, is what counts (files and
/// pipes get <see cref="TextLineFormat"/>, byte-exact). A line with <c>\r</c> (a progress bar)
/// shows, after its prefix, what follows the last <c>\r</c>, as the terminal would show it
/// without the prefix; a <c>\r</c> at its end (CRLF) is no progress step. An unfinished line
/// shown early (<see cref="LinePart.Preview"/>) floats on the last row: erased (<c>\r\e[K</c>)
/// before any other line is written and drawn again after them, replaced by the next preview
/// (of any stream), and erased for good when its line comes whole, so the screen shows that
/// line once, with one prefix.
/// </summary>
/// <param name="width">The terminal's width in columns (asked at each preview), or null if unknown (80 is assumed).</param>
internal sealed class TerminalLineFormat(LinePrefixer prefixer, Func<int?> width) : ILineFormat
{
    private const int MaxTimestampLength = 64;
    private const int AssumedWidth = 80;

    private readonly TextLineFormat _text = new(prefixer);

    // The floating line: the latest preview, last on the screen, or to be drawn there at the next flush.
    private OutputSource? _floatingSource;
    private OutputStream _floatingStream;
    private byte[] _floating = new byte[256];
    private int _floatingLength;
    private DateTimeOffset _floatingTime;
    private bool _floatingShown;

    // The last row holds a long line's piece that more of it follows: nothing may go between.
    private bool _midLine;

    private static ReadOnlySpan<byte> EraseLine => "\r\e[K"u8;

    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
        if (chunk.Part == LinePart.Preview)
        {
            Float(chunk, output);
            return;
        }
        // Nothing floats below the summary: a line that never ended (its pipe abandoned to an
        // escaped grandchild) stays on screen as it was last seen.
        if (chunk.Details is SummaryDetails)
            Settle(output);
        if (_floatingSource is not null)
        {
            if (_floatingShown)
            {
                output.Append(EraseLine);
                _floatingShown = false;
            }
            // Its line has come: shown whole, where the preview was.
            if (chunk.StartsLine && chunk.Source == _floatingSource && chunk.Stream == _floatingStream)
                _floatingSource = null;
        }
        _midLine = !chunk.EndsLine;
        // ProcMan's events have no \r (and get their colours there); --raw keeps the bytes as they came.
        if (chunk.Details is EventDetails || prefixer.IsVerbatim)
        {
            _text.Write(chunk, output);
            return;
        }
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        timestamp = timestamp[..prefixer.FormatTimestamp(chunk.Time, timestamp)];
        var prefix = prefixer.PrefixOf(chunk.Source);
        var lines = chunk.Lines;
        if (!chunk.StartsLine)
        {
            // A long line's later piece: a \r in it would overwrite the prefix, so it is written again.
            var visible = VisibleStart(lines);
            if (visible > 0)
            {
                output.Append(EraseLine);
                output.Append(timestamp);
                output.Append(prefix);
            }
            output.Append(lines[visible..]);
            return;
        }
        while (!lines.IsEmpty)
        {
            var length = lines.IndexOf((byte)'\n') + 1 is > 0 and var found ? found : lines.Length;
            var line = lines[..length];
            output.Append(timestamp);
            output.Append(prefix);
            output.Append(line[VisibleStart(line)..]);
            lines = lines[length..];
        }
    }

    /// <summary>The channel ran empty: the floating line goes back on the last row.</summary>
    public void BeforeFlush(BufferedOutput output)
    {
        if (_floatingSource is not null && !_floatingShown && !_midLine)
            Draw(output);
    }

    /// <summary>Ends the floating line where it is, as a line of its own, and forgets it.</summary>
    private void Settle(BufferedOutput output)
    {
        if (_floatingSource is null)
            return;
        if (!_floatingShown && !_midLine)
            Draw(output);
        if (_floatingShown)
            output.Append("\n"u8);
        _floatingSource = null;
        _floatingShown = false;
    }

    /// <summary>Where what a terminal shows of <paramref name="line"/> begins: after its last <c>\r</c>, not counting those at its end (before its <c>\n</c>, if any).</summary>
    private static int VisibleStart(ReadOnlySpan<byte> line)
    {
        if (line.EndsWith((byte)'\n'))
            line = line[..^1];
        return line.TrimEnd((byte)'\r').LastIndexOf((byte)'\r') + 1;
    }

    private void Float(in OutputChunk preview, BufferedOutput output)
    {
        if (_floating.Length < preview.Length)
            _floating = new byte[Math.Max(preview.Length, _floating.Length * 2)];
        preview.Lines.CopyTo(_floating);
        _floatingLength = preview.Length;
        _floatingSource = preview.Source;
        _floatingStream = preview.Stream;
        _floatingTime = preview.Time;
        if (_midLine)
            return; // Drawn once the long line is over.
        if (_floatingShown)
            output.Append(EraseLine);
        Draw(output);
    }

    /// <summary>
    /// Writes the floating line on the last row, without newline: its prefix and as much of the
    /// end of what it shows as fits on the row (a wider one would wrap, and erasing it would
    /// leave rows behind).
    /// </summary>
    private void Draw(BufferedOutput output)
    {
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        timestamp = timestamp[..prefixer.FormatTimestamp(_floatingTime, timestamp)];
        var prefix = prefixer.IsVerbatim ? [] : prefixer.PrefixOf(_floatingSource!);
        var text = _floating.AsSpan(0, _floatingLength);
        text = text[VisibleStart(text)..].TrimEnd((byte)'\r');
        // One column spare: a row filled to its last column wraps on some terminals.
        var room = (width() ?? AssumedWidth) - TerminalColumns.Of(timestamp) - TerminalColumns.Of(prefix) - 1;
        text = text[TerminalColumns.TailStart(text, room)..];
        output.Append(timestamp);
        output.Append(prefix);
        output.Append(text);
        _floatingShown = true;
    }
}
