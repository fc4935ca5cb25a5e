using System.Threading.Channels;
using ProcMan.Configuration;
using ProcMan.Output;
using ProcMan.Processes;
using Serilog;

namespace ProcMan.Supervision;

/// <summary>
/// Starts every process, and stops them all when one ends or a stop is requested: SIGTERM to
/// each group, SIGKILL to what is left after the timeout. All state lives in <see cref="RunAsync"/>
/// and changes only on messages from its mailbox, so signal handlers and process watchers never
/// touch it directly.
/// </summary>
public sealed class Supervisor(
    IReadOnlyList<ProcessSpec> specs,
    IProcessLauncher launcher,
    ChannelWriter<OutputChunk> output,
    ILogger log,
    SupervisorOptions options)
{
    private abstract record Message;
    private sealed record ChildExited(SupervisedChild Child, ExitStatus Status) : Message;
    private sealed record ChildOutputEnded : Message;
    private sealed record StopRequested(StopRequest Request) : Message;
    private sealed record StopTimedOut : Message;

    private readonly Channel<Message> _mailbox = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Asks for everything to stop; safe to call from any thread, at any time.</summary>
    public void RequestStop(StopRequest request) => _mailbox.Writer.TryWrite(new StopRequested(request));

    /// <summary>
    /// Runs until every child has exited and its output has been pumped into the channel.
    /// Returns ProcMan's exit code: the first child to end on its own decides it, else the stop request.
    /// </summary>
    public async Task<int> RunAsync()
    {
        var children = new List<SupervisedChild>();
        int? exitCode = null;
        var stopping = false;
        var killed = false;

        void BeginStop(string reason)
        {
            stopping = true;
            var running = children.Where(c => !c.HasExited).ToList();
            if (running.Count > 0)
                log.Information("stopping all processes: {Reason}", reason);
            foreach (var child in children)
            {
                if (!child.HasExited)
                    log.Information("sending SIGTERM to {Name}", child.Name);
                // An exited child's group may still hold its background jobs.
                child.Process.SignalGroup(UnixSignal.Terminate);
            }
            _ = Task.Delay(options.StopTimeout).ContinueWith(_ => _mailbox.Writer.TryWrite(new StopTimedOut()), TaskScheduler.Default);
        }

        void KillRemaining(string why)
        {
            killed = true;
            foreach (var child in children.Where(c => !c.HasExited || c.IsOutputOpen))
            {
                if (!child.HasExited)
                    log.Warning("sending SIGKILL to {Name} {Why}", child.Name, why);
                child.Process.KillEverything();
            }
        }

        for (var index = 0; index < specs.Count && !stopping; index++)
        {
            try
            {
                children.Add(Start(specs[index], index));
            }
            catch (ProcessStartException exception)
            {
                log.Error("{Name} could not be started: {Reason}", specs[index].Name, exception.Message);
                exitCode = 127; // The shell's code for a command that cannot run.
                BeginStop($"{specs[index].Name} could not be started");
            }
        }

        while (!(stopping && children.All(c => c.HasExited) && (killed || children.All(c => !c.IsOutputOpen))))
        {
            switch (await _mailbox.Reader.ReadAsync().ConfigureAwait(false))
            {
                case ChildExited(var child, var status):
                    child.Exit = status;
                    log.Information("{Name} {Status}", child.Name, status.ToString());
                    if (!stopping)
                    {
                        exitCode = status.Code;
                        BeginStop($"{child.Name} ended");
                    }
                    break;
                case StopRequested(var request) when !stopping:
                    exitCode = request.ExitCode;
                    BeginStop(request.Reason);
                    break;
                case StopRequested(var request) when request.ForcesOnRepeat && !killed:
                    KillRemaining($"({request.Reason} again)");
                    break;
                case StopTimedOut when !killed:
                    KillRemaining($"after {options.StopTimeout.TotalSeconds:0.###} s");
                    break;
            }
        }

        await AbandonStuckOutputAsync(children).ConfigureAwait(false);
        foreach (var child in children)
            child.Dispose();
        return exitCode ?? 0;
    }

    private SupervisedChild Start(ProcessSpec spec, int index)
    {
        var process = launcher.Start(spec);
        log.Information("{Name} started with pid {Pid}", spec.Name, process.Pid);
        var child = new SupervisedChild(spec, process, new OutputSource(spec.Name, index), output, options.MaxLineLength);
        _ = ReportExitAsync(child);
        return child;
    }

    /// <summary>
    /// Posts the child's exit once its last lines are in the channel too (or the grace period
    /// is over), so that "exited" follows them; then posts when its pipes finally close.
    /// </summary>
    private async Task ReportExitAsync(SupervisedChild child)
    {
        var status = await child.Process.Exited.ConfigureAwait(false);
        await Task.WhenAny(child.Output, Task.Delay(options.PipeGracePeriod)).ConfigureAwait(false);
        _mailbox.Writer.TryWrite(new ChildExited(child, status));
        await child.Output.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _mailbox.Writer.TryWrite(new ChildOutputEnded());
    }

    private async Task AbandonStuckOutputAsync(IEnumerable<SupervisedChild> children)
    {
        var stuck = children.Where(c => c.IsOutputOpen).ToList();
        if (stuck.Count == 0)
            return;
        var allClosed = Task.WhenAll(stuck.Select(c => c.Output.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Task.WhenAny(allClosed, Task.Delay(options.PipeGracePeriod)).ConfigureAwait(false);
        foreach (var child in stuck.Where(c => c.IsOutputOpen))
        {
            log.Warning("{Name} exited but a process that left its group still holds its output open; no longer reading it", child.Name);
            child.AbandonOutput();
        }
        await Task.WhenAll(stuck.Select(c => c.Output.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
    }
}
