namespace ProcMan.Output;

/// <summary>Each line as <c>[time ]name | line</c> (or bare with <c>--raw</c>): the console's format, and the log files'.</summary>
public sealed class TextLineFormat(LinePrefixer prefixer) : ILineFormat
{
    private const int MaxTimestampLength = 64;

    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
        if (prefixer.IsVerbatim)
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
            var length = lines.IndexOf((byte)'\n') + 1;
            output.Append(timestamp);
            output.Append(prefix);
            output.Append(lines[..length]);
            lines = lines[length..];
        }
    }
}
