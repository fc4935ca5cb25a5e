using ProcMan.Threading;

namespace ProcMan.Output;

/// <summary>
/// The one owner of ProcMan's stdout: takes chunks off the channel in order, formats each line
/// (<see cref="ILineFormat"/>: text or JSON), and writes through a large buffer that is flushed
/// whenever the channel runs empty, so a flood costs few system calls and a lone line still goes
/// out at once. The same lines go to the <c>log_location</c> files, flushed at the same moments.
/// </summary>
/// <remarks>
/// When writing fails, the drain keeps taking chunks and drops them, so no child blocks on a
/// full channel while ProcMan stops everything; <see cref="Failure"/> tells why. A log file that
/// fails is given up on its own, with a warning, and the console goes on.
/// </remarks>
public sealed class OutputDrain(
    OutputChannel input,
    Stream output,
    ILineFormat format,
    LogHub? logs = null,
    LogFiles? files = null,
    Action<string>? warn = null)
{
    /// <summary>
    /// How many chunks a pump writes before it hands the role to the drain's own thread: a lone
    /// line or a short burst is written at once, but a flood from the other children never
    /// keeps a pump from reading its own child.
    /// </summary>
    private const int MostChunksForAPump = 16;

    private readonly BufferedOutput _console = new(output);
    private readonly object _role = new();
    private readonly AutoResetEvent _wake = new(initialState: false);
    private volatile TaskCompletionSource? _catchUp;
    private readonly TaskCompletionSource<OutputFailure> _failure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The text format decorated by <paramref name="prefixer"/>: what <c>procman up</c> prints by default.</summary>
    public OutputDrain(OutputChannel input, Stream output, LinePrefixer prefixer, LogHub? logs = null)
        : this(input, output, new TextLineFormat(prefixer), logs)
    {
    }

    /// <summary>Completes if and when writing fails; never faults.</summary>
    public Task<OutputFailure> Failure => _failure.Task;

    /// <summary>The reader of the output went away, seen before any write failed: what follows is dropped.</summary>
    public void ReaderWentAway() => _failure.TrySetResult(new OutputFailure(ReaderClosed: true, "the reader of the output went away"));

    /// <summary>
    /// Runs until the channel is completed and everything in it has been written. Whoever
    /// holds the drain's role writes: a pump that has just put a chunk in takes the role when
    /// it is free and writes at once, so a lone line costs one thread wake-up, not two; the
    /// drain's own thread writes what nobody else would (ProcMan's events: the supervisor must
    /// never block on the console) and the rest at the end. One holder at a time, reading the
    /// channel in order, so the order is the channel's.
    /// </summary>
    public Task RunAsync()
    {
        input.Listen(OnWritten);
        return DedicatedThread.Run("procman drain", 1024 * 1024, Run);
    }

    /// <summary>
    /// Completes once everything written to the channel so far is written out and flushed, and
    /// so are the warnings that flushing gave (a log file that cannot be written): called before
    /// the channel is completed, so those warnings still go to the console.
    /// </summary>
    public Task CatchUpAsync()
    {
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _catchUp = caughtUp;
        _wake.Set();
        return caughtUp.Task;
    }

    private void Run()
    {
        while (!input.IsComplete)
        {
            WriteIfIdle(int.MaxValue);
            if (_catchUp is { } caughtUp)
            {
                // Wait for the role: a pump may hold it.
                lock (_role)
                    WriteAvailable(int.MaxValue);
                if (input.HasPending)
                    continue; // The flush warned: write that too.
                _catchUp = null;
                caughtUp.TrySetResult();
            }
            _wake.WaitOne();
        }
        // Nothing more will be written: wait for the role, then write the rest.
        lock (_role)
            WriteAvailable(int.MaxValue);
        logs?.Complete();
    }

    /// <summary>Called by the channel after every write, on the writer's thread.</summary>
    private void OnWritten(bool writerMayWrite)
    {
        if (writerMayWrite)
            WriteIfIdle(MostChunksForAPump);
        else
            _wake.Set();
    }

    /// <summary>
    /// Writes what is in the channel if nobody else is, up to <paramref name="most"/> chunks;
    /// past that, wakes the drain's own thread to write the rest. A holder that emptied the
    /// channel looks again once it has let go of the role: a chunk that came meanwhile, whose
    /// writer found the role taken, is written all the same.
    /// </summary>
    private void WriteIfIdle(int most)
    {
        while (input.HasPending && Monitor.TryEnter(_role))
        {
            bool emptied;
            try
            {
                emptied = WriteAvailable(most);
            }
            finally
            {
                Monitor.Exit(_role);
            }
            if (!emptied)
            {
                _wake.Set();
                return;
            }
        }
    }

    /// <summary>
    /// Writes up to <paramref name="most"/> chunks, and flushes if that emptied the channel
    /// (whoever empties it next flushes what is left otherwise): for the holder of the role
    /// only. Returns whether the channel was emptied.
    /// </summary>
    private bool WriteAvailable(int most)
    {
        for (var written = 0; written < most && input.Reader.TryRead(out var chunk); written++)
        {
            try
            {
                if (files is not null)
                    WriteFiles(chunk);
                if (!_failure.Task.IsCompleted)
                    format.Write(chunk, _console);
            }
            catch (IOException exception)
            {
                _failure.TrySetResult(OutputFailure.From(exception));
            }
            finally
            {
                // The hub keeps the lines for `procman logs` in the chunk's own buffer.
                if (logs is null)
                {
                    input.Consumed(chunk);
                }
                else
                {
                    input.ConsumedKeepingBuffer(chunk);
                    logs.Publish(chunk);
                }
            }
        }
        if (input.HasPending)
            return false;
        Flush();
        return true;
    }

    private void WriteFiles(in OutputChunk chunk)
    {
        foreach (var file in files!.For(chunk.Source))
        {
            if (file.Write(chunk) is { } problem)
                warn?.Invoke(problem);
        }
    }

    private void Flush()
    {
        if (files is not null)
        {
            foreach (var file in files.Files)
            {
                if (file.Flush() is { } problem)
                    warn?.Invoke(problem);
            }
        }
        try
        {
            if (!_failure.Task.IsCompleted)
                _console.Flush();
        }
        catch (IOException exception)
        {
            _failure.TrySetResult(OutputFailure.From(exception));
        }
    }
}
