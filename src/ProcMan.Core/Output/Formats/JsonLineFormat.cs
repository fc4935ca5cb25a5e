using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProcMan.Output;

/// <summary>
/// <c>--output json</c>: one JSON object per line (see <see cref="JsonLineWriter"/>), with a
/// ProcMan event's fields, and one object for the whole exit summary.
/// </summary>
/// <remarks>
/// A flood is mostly plain ASCII lines: for those, the part before the line (time, process,
/// stream: the same for a whole chunk) is built once per chunk and the line is copied as is,
/// since no byte of it needs escaping. Every other line goes through <see cref="JsonLineWriter"/>;
/// the bytes are the same either way. A long line's pieces are an object each, all but the last
/// with <c>"continues": true</c>: cut between characters, each is valid text if the line is.
/// </remarks>
internal sealed class JsonLineFormat : ILineFormat
{
    private readonly Dictionary<OutputSource, string> _processes = [];

    public void Write(in OutputChunk chunk, BufferedOutput output)
    {
        if (chunk.Details is SummaryDetails summary)
        {
            JsonLineWriter.WriteSummary(output, chunk.Time, summary.Processes);
            return;
        }
        if (chunk.Part != LinePart.Whole)
        {
            var piece = chunk.EndsLine ? chunk.Lines[..^1] : chunk.Lines;
            JsonLineWriter.Write(output, chunk.Source.Name, chunk.Stream, chunk.Time, piece, details: null, continues: !chunk.EndsLine);
            return;
        }
        var events = chunk.Details as EventDetails;
        byte[]? head = null;
        var lines = chunk.Lines;
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            var line = lines[..end];
            if (events is null && IsPlain(line))
            {
                head ??= Head(chunk);
                output.Append(head);
                output.Append(line);
                output.Append("\"}\n"u8);
            }
            else
            {
                JsonLineWriter.Write(output, chunk.Source.Name, chunk.Stream, chunk.Time, line, events);
            }
            lines = lines[(end + 1)..];
        }
    }

    /// <summary>Printable ASCII without quote or backslash: what JSON (and our encoder) leaves unescaped.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> line) =>
        line.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && line.IndexOfAny((byte)'"', (byte)'\\') < 0;

    /// <summary><c>{"time":"...","process":"...","stream":"...","line":"</c></summary>
    private byte[] Head(in OutputChunk chunk)
    {
        if (!_processes.TryGetValue(chunk.Source, out var process))
            _processes[chunk.Source] = process = JsonEncodedText.Encode(chunk.Source.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        var time = chunk.Time.ToLocalTime().ToString(JsonLineWriter.TimePattern, CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes($"{{\"time\":\"{time}\",\"process\":\"{process}\",\"stream\":\"{JsonLineWriter.StreamName(chunk.Stream)}\",\"line\":\"");
    }
}
