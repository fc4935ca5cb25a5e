namespace ProcMan.Output;

/// <summary>
/// What every writer holds (the pumps, ProcMan's events, the summary): a chunk goes into the
/// channel, then the drain is told. Data flows one way: the channel calls nobody back.
/// </summary>
internal sealed class OutputInlet
{
    private readonly OutputChannel _channel;
    private readonly DrainRole _role;

    internal OutputInlet(OutputChannel channel, DrainRole role)
    {
        _channel = channel;
        _role = role;
    }

    /// <summary>
    /// For a pump, on its own thread: waits while the budget is full or another stream's long
    /// line is going through. A chunk that went straight in is written by this thread if the
    /// drain is idle; one that waited is left to the drain's thread (this one has a child to read).
    /// </summary>
    public void Write(OutputChunk chunk)
    {
        var writing = _channel.WriteAsync(chunk);
        if (writing.IsCompletedSuccessfully)
        {
            _role.Handoff();
            return;
        }
        writing.AsTask().GetAwaiter().GetResult();
        _role.Wake();
    }

    /// <summary>As <see cref="Write"/>, for a writer that must not block its thread (<c>procman logs</c>).</summary>
    public async ValueTask WriteAsync(OutputChunk chunk)
    {
        var writing = _channel.WriteAsync(chunk);
        if (writing.IsCompletedSuccessfully)
        {
            _role.Handoff();
            return;
        }
        await writing.ConfigureAwait(false);
        _role.Wake();
    }

    /// <summary>For ProcMan's own events: never waits; false only once the channel is complete.</summary>
    public bool TryWrite(OutputChunk chunk)
    {
        if (!_channel.TryWrite(chunk))
            return false;
        _role.Wake();
        return true;
    }

    /// <summary>For a pump in the middle of a long line: it waits for its child, or has input again (see <see cref="OutputChannel.LongLineWaits"/>).</summary>
    public void LongLineWaits(OutputSource source, OutputStream stream, bool waiting) => _channel.LongLineWaits(source, stream, waiting);

    /// <summary>No more chunks: every writer has finished.</summary>
    public void Complete()
    {
        _channel.Complete();
        _role.Wake();
    }
}
