namespace ProcMan.Output;

/// <summary>How the drain turns a chunk into output bytes: decorated text, or JSON objects.</summary>
internal interface ILineFormat
{
    /// <summary>Writes every line of <paramref name="chunk"/>; runs on the drain's hot path.</summary>
    void Write(in OutputChunk chunk, BufferedOutput output);
}
