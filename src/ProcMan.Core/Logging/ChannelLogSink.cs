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
public sealed class ChannelLogSink(ChannelWriter<OutputChunk> output) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var text = Render(logEvent);
        var bytes = Encoding.UTF8.GetBytes(text + "\n");
        var chunk = OutputChunk.Copy(OutputSource.ProcMan, OutputStream.ProcMan, new(bytes), addNewline: false);
        if (output.TryWrite(chunk))
            return;
        try
        {
            // The channel is full: wait like the children do; an event is never dropped.
            output.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
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
                text.Append(value is ScalarValue { Value: string s } ? s : value.ToString());
            else
                text.Append(token.ToString());
        }
        if (logEvent.Exception is { } exception)
            text.Append(": ").Append(exception.Message);
        return text.ToString();
    }
}
