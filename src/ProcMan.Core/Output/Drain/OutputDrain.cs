using ProcMan.Processes;

namespace ProcMan.Output;

/// <summary>
/// The one reader of the channel and owner of ProcMan's stdout: takes chunks off the channel in
/// order and hands each to its sinks (the console, the log files, the log hub), flushing them
/// whenever the channel runs empty. Writers reach it through <see cref="Inlet"/> only.
/// </summary>
/// <remarks>
/// When the console fails, the drain goes on taking chunks and dropping them, so no child
/// blocks on a full channel while ProcMan stops everything; <see cref="Failure"/> tells why.
/// Each chunk's buffer is released here, once, after its sinks, unless a sink kept it.
/// </remarks>
internal sealed class OutputDrain
{
    private readonly OutputChannel _input;
    private readonly ConsoleSink _console;
    private readonly IOutputSink[] _sinks;
    private readonly DrainRole _role;
    private volatile TaskCompletionSource? _catchUp;

    /// <param name="input">The channel it reads.</param>
    /// <param name="console">ProcMan's stdout, the sink whose failure ends the run.</param>
    /// <param name="others">The other sinks, after the console, in order; one that keeps buffers (the log hub) last.</param>
    public OutputDrain(OutputChannel input, ConsoleSink console, params IOutputSink[] others)
    {
        _input = input;
        _console = console;
        _sinks = [console, .. others];
        _role = new DrainRole(input, WriteAvailable);
        Inlet = new OutputInlet(input, _role);
    }

    /// <summary>The text format decorated by <paramref name="prefixer"/> on <paramref name="output"/>: what <c>procman logs</c> prints.</summary>
    public OutputDrain(OutputChannel input, Stream output, LinePrefixer prefixer)
        : this(input, new ConsoleSink(output, new TextLineFormat(prefixer)))
    {
    }

    /// <summary>Where every writer puts its chunks.</summary>
    public OutputInlet Inlet { get; }

    /// <summary>Completes if and when writing the console fails; never faults.</summary>
    public Task<OutputFailure> Failure => _console.Failure;

    /// <summary>The reader of the output went away, seen before any write failed: what follows is dropped.</summary>
    public void ReaderWentAway() => _console.ReaderWentAway();

    /// <summary>Runs, on a thread of its own, until the channel is completed and everything in it has been written.</summary>
    public Task RunAsync() => DedicatedThread.Run("procman drain", 1024 * 1024, Run);

    /// <summary>
    /// Completes once everything written to the channel so far is written out and flushed, and
    /// so are the warnings that flushing gave (a log file that cannot be written): called before
    /// the channel is completed, so those warnings still go to the console.
    /// </summary>
    public Task CatchUpAsync()
    {
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _catchUp = caughtUp;
        _role.Wake();
        return caughtUp.Task;
    }

    private void Run()
    {
        while (!_input.IsComplete)
        {
            _role.WriteAllIfIdle();
            if (_catchUp is { } caughtUp)
            {
                _role.WriteAll();
                if (_input.HasPending)
                    continue; // The flush warned: write that too.
                _catchUp = null;
                caughtUp.TrySetResult();
            }
            _role.WaitForWork();
        }
        // Nothing more will be written: wait for the role, then write the rest.
        _role.WriteAll();
    }

    /// <summary>
    /// Writes up to <paramref name="most"/> chunks, and flushes if that emptied the channel
    /// (whoever empties it next flushes what is left otherwise): for the holder of the role
    /// only. Returns whether the channel was emptied.
    /// </summary>
    private bool WriteAvailable(int most)
    {
        for (var written = 0; written < most && _input.Reader.TryRead(out var chunk); written++)
        {
            var kept = false;
            try
            {
                // A preview is for the terminal only: its line reaches every sink when it ends.
                if (chunk.Part == LinePart.Preview)
                {
                    _console.Write(chunk);
                }
                else
                {
                    foreach (var sink in _sinks)
                        kept |= sink.Write(chunk);
                }
            }
            finally
            {
                _input.Consumed(chunk);
                if (!kept)
                    chunk.Release();
            }
        }
        if (_input.HasPending)
            return false;
        foreach (var sink in _sinks)
            sink.Flush();
        return true;
    }
}
