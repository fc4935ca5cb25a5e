using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ProcMan.Output;

/// <summary>
/// Serilog sink that turns ProcMan's own events into <c>procman | ...</c> lines in the output
/// channel, so they are serialized with the children's lines instead of racing them to stdout.
/// </summary>
/// <remarks>
/// Logging never blocks the caller (the supervisor must go on signalling children while the
/// console is stalled): the channel takes ProcMan's events at once, whatever the children's
/// budget, so each event lands exactly where it was logged. No event is dropped; one logged
/// after the channel is complete goes to stderr. Each chunk carries the event's properties
/// (<see cref="EventDetails"/>) for <c>--output json</c>: the <c>Event</c> property (attached
/// with <c>ForContext(LogEvents.Property, ...)</c>) names the kind, the others become snake_case fields.
/// </remarks>
internal sealed class ChannelLogSink(OutputInlet output) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var text = Render(logEvent);
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        var chunk = OutputChunk.Copy(OutputSource.ProcMan, OutputStream.ProcMan, new(bytes), addNewline: false) with { Details = Details(logEvent) };
        if (!output.TryWrite(chunk))
        {
            chunk.Release();
            Console.Error.WriteLine("procman: " + text);
        }
    }

    /// <summary>The message with string values bare (Serilog would quote them) and the error, if any, after it.</summary>
    private static string Render(LogEvent logEvent)
    {
        var text = new StringBuilder();
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value))
            {
                if (value is ScalarValue { Value: string s })
                {
                    text.Append(s);
                }
                else
                {
                    // Honours a format in the template ({Delay:0.###}), in the invariant culture.
                    using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
                    property.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                text.Append(token.ToString());
            }
        }
        if (logEvent.Exception is { } exception)
            text.Append(": ").Append(exception.Message);
        return text.ToString();
    }

    private static EventDetails Details(LogEvent logEvent)
    {
        var level = logEvent.Level switch
        {
            LogEventLevel.Warning => "warning",
            >= LogEventLevel.Error => "error",
            _ => "info",
        };
        string? kind = null;
        var fields = new List<KeyValuePair<string, object?>>();
        foreach (var (name, value) in logEvent.Properties)
        {
            var scalar = value is ScalarValue { Value: var v } ? v : value.ToString();
            if (name == LogEvents.Property)
                kind = scalar as string;
            else
                fields.Add(new(SnakeCase(name), scalar));
        }
        if (logEvent.Exception is { } exception)
            fields.Add(new("error", exception.Message));
        return new EventDetails(level, kind, fields);
    }

    /// <summary>ExitCode to exit_code.</summary>
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
