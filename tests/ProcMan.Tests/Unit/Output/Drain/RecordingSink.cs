using ProcMan.Output;

namespace ProcMan.Tests.Unit.Output.Drain;

/// <summary>A sink that notes every chunk and flush, as text: "web:line\n", "flush".</summary>
internal sealed class RecordingSink : IOutputSink
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
                return [.. _events];
        }
    }

    public bool Write(in OutputChunk chunk)
    {
        lock (_events)
            _events.Add(Chunks.Text(chunk));
        return false;
    }

    public void Flush()
    {
        lock (_events)
            _events.Add("flush");
    }
}
