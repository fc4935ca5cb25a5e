using System.Text;
using ProcMan.Configuration;
using ProcMan.Control;
using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Processes.Linux;
using ProcMan.Reporting;
using ProcMan.Supervision;
using Serilog;
using Serilog.Core;

namespace ProcMan.Hosting;

/// <summary>
/// <c>procman up</c> once the configuration is loaded: wires the children's pumps, ProcMan's
/// own log events and the drain through one bounded channel, and shuts down in the order that
/// loses nothing: children reaped, pumps finished, summary written, channel completed, drain
/// flushed (console and log files); then, in GitHub Actions, the failed processes' last lines.
/// </summary>
internal sealed class UpRunner(IProcessLauncher launcher, OutputFormat format, SupervisorOptions options)
{
    /// <summary>Text (decorated by the format) or JSON.</summary>
    public OutputMode Mode { get; init; } = OutputMode.Text;

    /// <summary>Write the exit summary after the last line.</summary>
    public bool Summary { get; init; } = true;

    /// <summary>Repeat each failed process's last lines in a <c>::group::</c> (text mode only).</summary>
    public bool GitHubGroups { get; init; }

    /// <summary>The least severe of ProcMan's own events written (the file's <c>log_level</c>).</summary>
    public EventLevel EventLevel { get; init; } = EventLevel.Info;

    /// <summary>Recent lines kept per process for <c>procman logs</c> (the file's <c>log_length</c>).</summary>
    public int LogLength { get; init; } = LogHub.DefaultLinesPerSource;

    /// <summary>The <c>log_location</c> files, already open; the caller disposes them.</summary>
    public LogFiles? LogFiles { get; init; }

    /// <summary>
    /// Runs <paramref name="specs"/> writing to stdout, answering <paramref name="control"/>'s
    /// requests if given; returns ProcMan's exit code.
    /// </summary>
    public Task<int> RunAsync(IReadOnlyList<ProcessSpec> specs, ControlServer? control = null) =>
        RunAsync(specs, FileDescriptorStream.StandardOutput(), control);

    public async Task<int> RunAsync(IReadOnlyList<ProcessSpec> specs, Stream stdout, ControlServer? control)
    {
        var channel = new OutputChannel();
        var logs = new LogHub(LogLength) { ClearedOnStart = specs.Where(s => s.Definition?.TruncateLog == true).Select(s => s.Name).ToHashSet(StringComparer.Ordinal) };
        // A terminal shows what it would of \r lines, and unfinished lines after a while; files and pipes get the exact bytes.
        var terminal = Mode == OutputMode.Text && format.Terminal;
        ILineFormat lineFormat = Mode == OutputMode.Json
            ? new JsonLineFormat()
            : terminal
                ? new TerminalLineFormat(new LinePrefixer(format, specs.Select(s => s.Name)), () => LibC.TerminalWidth(1))
                : new TextLineFormat(new LinePrefixer(format, specs.Select(s => s.Name)));
        var supervisorOptions = terminal ? options with { PartialLineDelay = PartialLineWatch.Delay } : options;
        // Warnings of the log files go through the logger, which writes into the drain's inlet.
        Logger? logger = null;
        IOutputSink[] sinks = LogFiles is { } files
            ? [new LogFileSink(files, problem => logger?.Warning("{Problem}", problem)), logs]
            : [logs];
        var drain = new OutputDrain(channel, new ConsoleSink(stdout, lineFormat), sinks);
        var output = drain.Inlet;
        using var createdLogger = logger = new LoggerConfiguration().MinimumLevel.Is(SerilogLevel(EventLevel)).WriteTo.Sink(new ChannelLogSink(output)).CreateLogger();
        // Its own thread, started here: through Task.Run it was also the thread pool's first
        // thread, started (1.5 ms) before any child could be.
        var draining = drain.RunAsync();
        if (stdout is FileDescriptorStream descriptor)
            descriptor.WatchForHangUp(drain.ReaderWentAway);

        var supervisor = new Supervisor(specs, launcher, output, logger, supervisorOptions);
        using var signals = new TerminationSignals(supervisor.RequestStop, options.Time);
        _ = drain.Failure.ContinueWith(failure => OnOutputFailed(failure.Result, supervisor), TaskScheduler.Default);
        var processOfInstance = specs.ToDictionary(s => s.Name, s => s.Definition?.Name ?? s.Name);
        var finished = new TaskCompletionSource<FinishedRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        control?.Serve(new ControlHandler(supervisor, logs, processOfInstance) { Finished = finished.Task }, problem => logger.Warning("{Problem}", problem));

        // Returns at its first wait, once the first children are started.
        var supervising = supervisor.RunAsync();
        // The runtime creates the thread pool's threads at their first use, which, as nothing
        // else needs them, was the supervisor's first event: a Ctrl-C after a quiet start was
        // acted on 2-3 ms late. They are created now instead, while the children start.
        ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
        var exitCode = await supervising.ConfigureAwait(false);
        // Warnings about the last lines (a log file that cannot be written) come before the summary.
        await drain.CatchUpAsync().ConfigureAwait(false);
        if (Summary)
            WriteSummary(output, supervisor.FinalSnapshot);
        output.Complete();
        await draining.ConfigureAwait(false);
        logs.Complete();

        if (GitHubGroups && Mode == OutputMode.Text && !drain.Failure.IsCompleted)
        {
            try
            {
                // The drain is done: stdout is free, and the log hub has every line.
                // Not the ones ProcMan stopped, nor skipped ones, which never ran.
                var failed = supervisor.FinalSnapshot.Where(i => i.State == ProcessState.Failed).Select(i => i.Name);
                Output.GitHubGroups.Write(new BufferedOutput(stdout), lineFormat, logs, failed);
            }
            catch (IOException)
            {
                // The reader went away after the last line: nothing more to tell it.
            }
        }

        // Lines were lost, so the run cannot count as a success, whatever the children did.
        var result = drain.Failure.IsCompleted ? drain.Failure.Result.ExitCode : exitCode;
        if (control is not null)
            await control.StopAcceptingAsync().ConfigureAwait(false);
        finished.TrySetResult(new FinishedRun(result, supervisor.FinalSnapshot));
        return result;
    }

    /// <summary>The table as ProcMan's own lines, after every other line; JSON gets the rows as one object.</summary>
    private static void WriteSummary(OutputInlet output, IReadOnlyList<InstanceSnapshot> instances)
    {
        var text = Encoding.UTF8.GetBytes(SummaryTable.Render(instances));
        var chunk = OutputChunk.Copy(OutputSource.ProcMan, OutputStream.ProcMan, new(text), addNewline: false) with { Details = SummaryJson.Details(instances) };
        if (!output.TryWrite(chunk))
            chunk.Release();
    }

    private static void OnOutputFailed(OutputFailure failure, Supervisor supervisor)
    {
        // A reader that went away is an ordinary end (`procman up | head`): stop quietly.
        if (!failure.ReaderClosed)
            Console.Error.WriteLine($"procman: cannot write the output ({failure.Message}); stopping all processes");
        supervisor.RequestStop(new StopRequest("the output cannot be written", failure.ExitCode, ForcesOnRepeat: false));
    }

    private static Serilog.Events.LogEventLevel SerilogLevel(EventLevel level) => level switch
    {
        EventLevel.Trace => Serilog.Events.LogEventLevel.Verbose,
        EventLevel.Debug => Serilog.Events.LogEventLevel.Debug,
        EventLevel.Info => Serilog.Events.LogEventLevel.Information,
        EventLevel.Warn => Serilog.Events.LogEventLevel.Warning,
        EventLevel.Error => Serilog.Events.LogEventLevel.Error,
        _ => Serilog.Events.LogEventLevel.Fatal,
    };
}
