namespace ProcMan.Output;

/// <summary>
/// <c>--output json</c>: one JSON object per line (see <see cref="JsonLineWriter"/>), with a
/// ProcMan event's fields, and one object for the whole exit summary.
/// </summary>
public sealed class JsonLineFormat : ILineFormat
{
    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
        if (chunk.Details is SummaryDetails summary)
        {
            JsonLineWriter.WriteSummary(output, chunk.Time, summary.Rows);
            return;
        }
        var events = chunk.Details as EventDetails;
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            JsonLineWriter.Write(output, chunk.Source.Name, chunk.Stream, chunk.Time, lines[..end], events);
            lines = lines[(end + 1)..];
        }
    }
}
