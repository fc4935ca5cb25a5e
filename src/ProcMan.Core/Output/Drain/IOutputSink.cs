namespace ProcMan.Output;

/// <summary>
/// Where the drain puts every chunk: the console, the log files, the log hub. Called by one
/// thread at a time, in the channel's order, on the drain's hot path.
/// </summary>
internal interface IOutputSink
{
    /// <summary>
    /// Writes (or keeps) the lines of <paramref name="chunk"/>. Returns true when the sink keeps
    /// the chunk's buffer past the call: it then releases it itself, once. At most one sink of a
    /// drain may keep buffers, and it comes last.
    /// </summary>
    bool Write(in OutputChunk chunk);

    /// <summary>The channel ran empty: what is buffered goes out now.</summary>
    void Flush();
}
