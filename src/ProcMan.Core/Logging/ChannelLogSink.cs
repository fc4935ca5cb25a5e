using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ProcMan.Output;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ProcMan.Logging;

/// <summary>
/// Serilog sink that turns ProcMan's own events into <c>procman | ...</c> lines in the output
/// channel, so they are serialized with the children's lines instead of racing them to stdout.
/// </summary>
/// <remarks>
/// Logging never blocks the caller (the supervisor must go on signalling children while the
/// console is stalled): an event goes straight into the channel when there is room and nothing
/// is queued before it; otherwise it is queued, in order, for a forwarder that waits for room.
/// No event is dropped. Each chunk carries the event's properties (<see cref="EventDetails"/>)
/// for <c>--output json</c>: the <c>Event</c> property (attached with
/// <c>ForContext(LogEvents.Property, ...)</c>) names the kind, the others become snake_case fields.
/// </remarks>
public sealed class ChannelLogSink(OutputChannel output) : ILogEventSink
{
    private readonly object _gate = new();
    private readonly Queue<OutputChunk> _queued = new();
    private Task _forwarding = Task.CompletedTask;
    private bool _forwarderRunning;

    public void Emit(LogEvent logEvent)
    {
        var bytes = Encoding.UTF8.GetBytes(Render(logEvent) + "\n");
        var chunk = OutputChunk.Copy(OutputSource.ProcMan, OutputStream.ProcMan, new(bytes), addNewline: false) with { Details = Details(logEvent) };
        lock (_gate)
        {
            if (_queued.Count == 0 && output.TryWrite(chunk))
                return;
            _queued.Enqueue(chunk);
            if (!_forwarderRunning)
            {
                _forwarderRunning = true;
                _forwarding = Task.Run(ForwardAsync);
            }
        }
    }

    /// <summary>Waits until every event logged so far is in the channel.</summary>
    public async Task FlushAsync()
    {
        while (true)
        {
            Task forwarding;
            lock (_gate)
            {
                if (!_forwarderRunning)
                    return;
                forwarding = _forwarding;
            }
            await forwarding.ConfigureAwait(false);
        }
    }

    private async Task ForwardAsync()
    {
        while (true)
        {
            OutputChunk next;
            lock (_gate)
            {
                if (!_queued.TryPeek(out next))
                {
                    _forwarderRunning = false;
                    return;
                }
            }
            try
            {
                await output.WriteAsync(next).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                next.Release();
                await Console.Error.WriteLineAsync("procman: " + Encoding.UTF8.GetString(next.Lines).TrimEnd('\n')).ConfigureAwait(false);
            }
            lock (_gate)
                _queued.Dequeue();
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
                    text.Append(s);
                else
                {
                    // Honours a format in the template ({Delay:0.###}), in the invariant culture.
                    using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
                    property.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
                }
            }
            else
                text.Append(token.ToString());
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
