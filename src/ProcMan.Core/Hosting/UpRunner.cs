using ProcMan.Configuration;
using ProcMan.Control;
using ProcMan.Logging;
using ProcMan.Logs;
using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Processes.Linux;
using ProcMan.Supervision;
using Serilog;

namespace ProcMan.Hosting;

/// <summary>
/// <c>procman up</c> once the configuration is loaded: wires the children's pumps, ProcMan's
/// own log events and the drain through one bounded channel, and shuts down in the order that
/// loses nothing: children reaped, pumps finished, channel completed, drain flushed.
/// </summary>
public sealed class UpRunner(IProcessLauncher launcher, OutputFormat format, SupervisorOptions options)
{
    /// <summary>
    /// Runs <paramref name="specs"/> writing to stdout, answering <paramref name="control"/>'s
    /// requests if given; returns ProcMan's exit code.
    /// </summary>
    public Task<int> RunAsync(IReadOnlyList<ProcessSpec> specs, ControlServer? control = null) =>
        RunAsync(specs, FileDescriptorStream.StandardOutput(), control);

    public async Task<int> RunAsync(IReadOnlyList<ProcessSpec> specs, Stream stdout, ControlServer? control)
    {
        var channel = new OutputChannel();
        var logs = new LogHub();
        var drain = new OutputDrain(channel, stdout, new LinePrefixer(format, specs.Select(s => s.Name)), logs);
        var draining = Task.Run(drain.RunAsync);

        var sink = new ChannelLogSink(channel);
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var supervisor = new Supervisor(specs, launcher, channel, logger, options);
        using var signals = new TerminationSignals(supervisor.RequestStop);
        _ = drain.Failure.ContinueWith(failure => OnOutputFailed(failure.Result, supervisor), TaskScheduler.Default);
        var processOfInstance = specs.ToDictionary(s => s.Name, s => s.Definition?.Name ?? s.Name);
        control?.Serve(new ControlHandler(supervisor, logs, processOfInstance, supervisor.RequestStop));

        var exitCode = await supervisor.RunAsync().ConfigureAwait(false);
        await sink.FlushAsync().ConfigureAwait(false);
        channel.Complete();
        await draining.ConfigureAwait(false);

        // Lines were lost, so the run cannot count as a success, whatever the children did.
        return drain.Failure.IsCompleted ? drain.Failure.Result.ExitCode : exitCode;
    }

    private static void OnOutputFailed(OutputFailure failure, Supervisor supervisor)
    {
        // A reader that went away is an ordinary end (`procman up | head`): stop quietly.
        if (!failure.ReaderClosed)
            Console.Error.WriteLine($"procman: cannot write the output ({failure.Message}); stopping all processes");
        supervisor.RequestStop(new StopRequest("the output cannot be written", failure.ExitCode, ForcesOnRepeat: false));
    }
}
