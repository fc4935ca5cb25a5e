using System.Text;
using ProcMan.Output;

namespace ProcMan.Tests.Unit.Output;

/// <summary>Chunks as a pump or ProcMan's events would make them.</summary>
internal static class Chunks
{
    public static readonly OutputSource Web = new("web", 0);
    public static readonly OutputSource Worker = new("worker", 1);

    public static OutputChunk Of(OutputSource source, string text, LinePart part = LinePart.Whole) =>
        OutputChunk.Copy(source, OutputStream.StandardOutput, Encoding.UTF8.GetBytes(text), addNewline: false) with { Part = part };

    public static OutputChunk Event(string text) =>
        OutputChunk.Copy(OutputSource.ProcMan, OutputStream.ProcMan, Encoding.UTF8.GetBytes(text + "\n"), addNewline: false);

    /// <summary>
    /// The chunks of the events <paramref name="log"/> logs, made by ProcMan's own Serilog sink
    /// (so with the fields and names the supervisor's events have), in order.
    /// </summary>
    public static List<OutputChunk> Logged(Action<Func<string, Serilog.ILogger>> log)
    {
        var channel = new OutputChannel();
        using (var logger = new Serilog.LoggerConfiguration().WriteTo.Sink(new ChannelLogSink(UndrainedInlet.For(channel))).CreateLogger())
            log(kind => logger.ForContext(LogEvents.Property, kind));
        var chunks = new List<OutputChunk>();
        while (channel.Reader.TryRead(out var chunk))
        {
            channel.Consumed(chunk);
            chunks.Add(chunk);
        }
        return chunks;
    }

    public static string Text(in OutputChunk chunk) => $"{chunk.Source.Name}:{Encoding.UTF8.GetString(chunk.Lines)}";

    /// <summary>Everything the channel holds now, in order, each freed as a drain would.</summary>
    public static List<string> TakeAll(OutputChannel channel)
    {
        var taken = new List<string>();
        while (channel.Reader.TryRead(out var chunk))
        {
            taken.Add(Text(chunk));
            channel.Consumed(chunk);
            chunk.Release();
        }
        return taken;
    }
}
