namespace ProcMan.Output;

/// <summary>
/// ProcMan's stdout: each line formatted (<see cref="ILineFormat"/>: text or JSON) into a large
/// buffer, written out when the channel runs empty, so a flood costs few system calls and a lone
/// line still goes out at once. Once writing fails it drops what comes, and
/// <see cref="Failure"/> says why.
/// </summary>
internal sealed class ConsoleSink(Stream output, ILineFormat format) : IOutputSink
{
    private readonly BufferedOutput _buffer = new(output);
    private readonly TerminalLineFormat? _terminal = format as TerminalLineFormat;
    private readonly TaskCompletionSource<OutputFailure> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes if and when writing fails; never faults.</summary>
    public Task<OutputFailure> Failure => _failure.Task;

    /// <summary>The reader of the output went away, seen before any write failed: what follows is dropped.</summary>
    public void ReaderWentAway() => _failure.TrySetResult(new OutputFailure(ReaderClosed: true, "the reader of the output went away"));

    public bool Write(in OutputChunk chunk)
    {
        if (_failure.Task.IsCompleted)
            return false;
        try
        {
            format.Write(chunk, _buffer);
        }
        catch (IOException exception)
        {
            _failure.TrySetResult(OutputFailure.From(exception));
        }
        return false;
    }

    public void Flush()
    {
        if (_failure.Task.IsCompleted)
            return;
        try
        {
            _terminal?.BeforeFlush(_buffer);
            _buffer.Flush();
        }
        catch (IOException exception)
        {
            _failure.TrySetResult(OutputFailure.From(exception));
        }
    }
}
