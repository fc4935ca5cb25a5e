using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ProcMan.Output;

/// <summary>
/// Writes one line as one JSON object, the format of <c>--output json</c> and of the control
/// socket's log stream: <c>time</c> (RFC 3339, milliseconds), <c>process</c>, <c>stream</c>,
/// <c>line</c> (invalid UTF-8 replaced by U+FFFD) and, only when the bytes were not valid
/// UTF-8, <c>line_base64</c> with the exact bytes. A ProcMan event adds <c>level</c>,
/// <c>event</c> and its fields.
/// </summary>
internal static class JsonLineWriter
{
    /// <summary>RFC 3339, local time with its offset, milliseconds.</summary>
    public const string TimePattern = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    // Only what JSON requires is escaped (quotes, backslashes, control characters): "+01:00" and
    // "héllo" stay readable for grep and jq. The output is never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One writer per thread, reset for each object: a writer per line was most of the cost of a flood.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Appends the object for <paramref name="line"/> (without its <c>\n</c>) and a newline.</summary>
    public static void Write(IBufferWriter<byte> destination, string process, OutputStream stream, DateTimeOffset time, ReadOnlySpan<byte> line) =>
        Write(destination, process, stream, time, line, details: null);

    /// <summary>
    /// As above, with a ProcMan event's fields after the line, if any; <paramref name="continues"/>
    /// for a piece of a long line that more pieces follow (<c>"continues": true</c>).
    /// </summary>
    public static void Write(IBufferWriter<byte> destination, string process, OutputStream stream, DateTimeOffset time, ReadOnlySpan<byte> line, EventDetails? details, bool continues = false)
    {
        var json = WriterFor(destination);
        {
            json.WriteStartObject();
            WriteHeader(json, time, process, stream);
            if (Utf8.IsValid(line))
            {
                json.WriteString("line", line);
            }
            else
            {
                json.WriteString("line", Encoding.UTF8.GetString(line));
                json.WriteBase64String("line_base64", line);
            }
            if (continues)
                json.WriteBoolean("continues", true);
            if (details is not null)
            {
                json.WriteString("level", details.Level);
                if (details.Event is { } name)
                    json.WriteString("event", name);
                foreach (var (key, value) in details.Fields)
                    WriteValue(json, key, value);
            }
            json.WriteEndObject();
            json.Flush();
        }
        destination.Write("\n"u8);
    }

    /// <summary>The exit summary as one object: <c>"event": "summary"</c> and a <c>processes</c> array, an object per field list.</summary>
    public static void WriteSummary(IBufferWriter<byte> destination, DateTimeOffset time, IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> processes)
    {
        var json = WriterFor(destination);
        {
            json.WriteStartObject();
            WriteHeader(json, time, OutputSource.ProcManName, OutputStream.ProcMan);
            json.WriteString("event", "summary");
            json.WriteStartArray("processes");
            foreach (var fields in processes)
            {
                json.WriteStartObject();
                foreach (var (key, value) in fields)
                    WriteValue(json, key, value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }
        destination.Write("\n"u8);
    }

    private static Utf8JsonWriter WriterFor(IBufferWriter<byte> destination)
    {
        if (t_writer is { } json)
            json.Reset(destination);
        else
            t_writer = json = new Utf8JsonWriter(destination, Options);
        return json;
    }

    private static void WriteHeader(Utf8JsonWriter json, DateTimeOffset time, string process, OutputStream stream)
    {
        Span<byte> text = stackalloc byte[48];
        time.ToLocalTime().TryFormat(text, out var length, TimePattern, CultureInfo.InvariantCulture);
        json.WriteString("time", text[..length]);
        json.WriteString("process", process);
        json.WriteString("stream", StreamName(stream));
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case int or long or short or byte or uint or ushort or sbyte:
                json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
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
