namespace ProcMan.Output;

/// <summary>
/// Each line as <c>[time ]name | line</c> (or bare with <c>--raw</c>): the console's format, and
/// the log files'. A long line's pieces follow each other, so only its first gets the prefix.
/// With colours on, ProcMan's warnings and errors are coloured (<see cref="LevelColors"/>).
/// </summary>
internal sealed class TextLineFormat(LinePrefixer prefixer) : ILineFormat
{
    private const int MaxTimestampLength = 64;

    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
        // Only ProcMan's own events carry a level: a child's chunk pays one null check.
        if (chunk.Details is EventDetails details && prefixer.Format.Colors && LevelColors.Of(details.Level) is { } color)
        {
            WriteColored(chunk, output, color);
            return;
        }
        // A long line's later pieces continue the line already begun.
        if (prefixer.IsVerbatim || !chunk.StartsLine)
        {
            output.Append(chunk.Lines);
            return;
        }
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        timestamp = timestamp[..prefixer.FormatTimestamp(chunk.Time, timestamp)];
        var prefix = prefixer.PrefixOf(chunk.Source);
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            // A first piece has no newline: all of it.
            var length = lines.IndexOf((byte)'\n') + 1 is > 0 and var found ? found : lines.Length;
            output.Append(timestamp);
            output.Append(prefix);
            output.Append(lines[..length]);
            lines = lines[length..];
        }
    }

    /// <summary>An event's lines, each with its prefix, the text between the colour and the reset.</summary>
    private void WriteColored(in OutputChunk chunk, BufferedOutput output, ReadOnlySpan<byte> color)
    {
        Span<byte> timestamp = stackalloc byte[MaxTimestampLength];
        timestamp = timestamp[..prefixer.FormatTimestamp(chunk.Time, timestamp)];
        var prefix = prefixer.IsVerbatim ? [] : prefixer.PrefixOf(chunk.Source);
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            var newline = lines.IndexOf((byte)'\n');
            var text = newline >= 0 ? lines[..newline] : lines;
            output.Append(timestamp);
            output.Append(prefix);
            output.Append(color);
            output.Append(text);
            output.Append(LevelColors.Reset);
            if (newline < 0)
                return;
            output.Append("\n"u8);
            lines = lines[(newline + 1)..];
        }
    }
}
