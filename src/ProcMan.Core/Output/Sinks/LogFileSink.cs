namespace ProcMan.Output;

/// <summary>
/// The <c>log_location</c> files, each line to the files of its source. A file that fails is
/// given up on its own, with a warning, and the others and the console go on.
/// </summary>
internal sealed class LogFileSink(LogFiles files, Action<string>? warn = null) : IOutputSink
{
    public bool Write(in OutputChunk chunk)
    {
        foreach (var file in files.For(chunk.Source))
        {
            if (file.Write(chunk) is { } problem)
                warn?.Invoke(problem);
        }
        return false;
    }

    public void Flush()
    {
        foreach (var file in files.Files)
        {
            if (file.Flush() is { } problem)
                warn?.Invoke(problem);
        }
    }
}
