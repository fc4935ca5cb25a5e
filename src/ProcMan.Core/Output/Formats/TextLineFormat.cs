namespace ProcMan.Output;

/// <summary>
/// Each line as <c>[time ]name | line</c> (or bare with <c>--raw</c>): the console's format, and
/// the log files'. A long line's pieces follow each other, so only its first gets the prefix.
/// </summary>
internal sealed class TextLineFormat(LinePrefixer prefixer) : ILineFormat
{
    private const int MaxTimestampLength = 64;

    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
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
}
