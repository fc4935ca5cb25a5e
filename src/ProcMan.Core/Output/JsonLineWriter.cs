using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ProcMan.Output;

/// <summary>
/// Writes one line as one JSON object, the format of <c>--output json</c> and of the control
/// socket's log stream: <c>time</c> (RFC 3339, milliseconds), <c>process</c>, <c>stream</c>,
/// <c>line</c> (invalid UTF-8 replaced by U+FFFD) and, only when the bytes were not valid
/// UTF-8, <c>line_base64</c> with the exact bytes.
/// </summary>
public static class JsonLineWriter
{
    /// <summary>Appends the object for <paramref name="line"/> (without its <c>\n</c>) and a newline.</summary>
    public static void Write(IBufferWriter<byte> destination, string process, OutputStream stream, DateTimeOffset time, ReadOnlySpan<byte> line)
    {
        using (var json = new Utf8JsonWriter(destination))
        {
            json.WriteStartObject();
            json.WriteString("time", time.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            json.WriteString("process", process);
            json.WriteString("stream", StreamName(stream));
            if (Utf8.IsValid(line))
            {
                json.WriteString("line", line);
            }
            else
            {
                json.WriteString("line", Encoding.UTF8.GetString(line));
                json.WriteBase64String("line_base64", line);
            }
            json.WriteEndObject();
        }
        destination.Write("\n"u8);
    }

    public static string StreamName(OutputStream stream) => stream switch
    {
        OutputStream.StandardOutput => "stdout",
        OutputStream.StandardError => "stderr",
        _ => "procman",
    };

    public static OutputStream ParseStream(string? name) => name switch
    {
        "stdout" => OutputStream.StandardOutput,
        "stderr" => OutputStream.StandardError,
        _ => OutputStream.ProcMan,
    };
}
