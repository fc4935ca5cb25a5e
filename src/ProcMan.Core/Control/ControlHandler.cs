using System.Buffers;
using System.Text.Json;
using ProcMan.Output;
using ProcMan.Supervision;

namespace ProcMan.Control;

/// <summary>
/// Answers control requests. It holds no state of its own: each request goes to the part that
/// owns the state, as a message with its own reply slot (the supervisor's mailbox), or takes a
/// subscription (the log hub). <paramref name="time"/> runs the wait timeouts (default: the system's).
/// </summary>
internal sealed class ControlHandler(ISupervisor supervisor, LogHub logs, IReadOnlyDictionary<string, string> processOfInstance, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Completes when ProcMan has stopped everything, its socket closed to newcomers; a <c>down</c> answers then.</summary>
    public Task<FinishedRun>? Finished { get; init; }

    private const int DefaultLogLines = 100;
    private const int MaxBatchBytes = 64 * 1024;

    public async Task HandleAsync(ControlRequest request, Stream stream, CancellationToken cancellation)
    {
        switch (request.Command)
        {
            case "ps":
                await WriteAsync(stream, new ControlResponse { Ok = true, Processes = [.. (await supervisor.GetSnapshotAsync().ConfigureAwait(false)).Select(ProcessStatus.From)] }, cancellation).ConfigureAwait(false);
                break;
            case "stop" or "start" or "restart":
                await ControlAsync(request, stream, cancellation).ConfigureAwait(false);
                break;
            case "wait":
                await WaitAsync(request, stream, cancellation).ConfigureAwait(false);
                break;
            case "logs":
                await StreamLogsAsync(request, stream, cancellation).ConfigureAwait(false);
                break;
            case "down":
                await DownAsync(request, stream, cancellation).ConfigureAwait(false);
                break;
            default:
                await WriteAsync(stream, ControlResponse.Failure($"unknown command `{request.Command}`"), cancellation).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Writes one response line.</summary>
    public static async Task WriteAsync(Stream stream, ControlResponse response, CancellationToken cancellation)
    {
        await NdJson.WriteLineAsync(stream, response, ControlJson.Default.ControlResponse, cancellation).ConfigureAwait(false);
    }

    private async Task ControlAsync(ControlRequest request, Stream stream, CancellationToken cancellation)
    {
        var (names, problem) = await WithNamespacesAsync(request).ConfigureAwait(false);
        if (problem is not null || names.Count == 0)
        {
            await WriteAsync(stream, ControlResponse.Failure(problem ?? $"{request.Command}: name at least one process or --namespace"), cancellation).ConfigureAwait(false);
            return;
        }
        var action = request.Command switch { "stop" => ControlAction.Stop, "start" => ControlAction.Start, _ => ControlAction.Restart };
        var error = await supervisor.ControlAsync(action, names).ConfigureAwait(false);
        if (error is not null || request.NoWait || action == ControlAction.Start)
        {
            await WriteAsync(stream, error is null ? ControlResponse.Success : ControlResponse.Failure(error), cancellation).ConfigureAwait(false);
            return;
        }
        // Done means stopped (by its signal or, past its timeout, killed), or started again.
        var done = await supervisor.WaitAsync(names, action == ControlAction.Stop ? WaitCondition.Stopped : WaitCondition.Restarted, cancellation).ConfigureAwait(false);
        var instances = (await supervisor.GetSnapshotAsync().ConfigureAwait(false))
            .Where(i => names.Contains(i.Name) || names.Contains(i.Process))
            .Select(ProcessStatus.From).ToList();
        var response = done
            ? new ControlResponse { Ok = true, Processes = instances }
            : new ControlResponse { Ok = false, Error = $"{string.Join(", ", names)}: not started again ({string.Join(", ", instances.Select(i => $"{i.Name} {i.State}"))})", Processes = instances };
        await WriteAsync(stream, response, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// The request's names with the processes of its namespaces added; an unknown namespace is
    /// the problem, naming the namespaces there are.
    /// </summary>
    private async Task<(IReadOnlyList<string> Names, string? Problem)> WithNamespacesAsync(ControlRequest request)
    {
        if (request.Namespaces.Count == 0)
            return (request.Names, null);
        var snapshot = await supervisor.GetSnapshotAsync().ConfigureAwait(false);
        var known = snapshot.Select(i => i.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unknown = request.Namespaces.Where(ns => !known.Contains(ns)).ToList();
        if (unknown.Count > 0)
            return ([], $"no process is in namespace {string.Join(", ", unknown.Select(ns => $"`{ns}`"))} (namespaces: {string.Join(", ", known)})");
        var inNamespaces = snapshot.Where(i => request.Namespaces.Contains(i.Namespace)).Select(i => i.Process);
        return ([.. request.Names.Concat(inNamespaces).Distinct(StringComparer.Ordinal)], null);
    }

    /// <summary>Stops everything; answers once ProcMan is done, with its exit code, unless asked not to wait.</summary>
    private async Task DownAsync(ControlRequest request, Stream stream, CancellationToken cancellation)
    {
        supervisor.RequestStop(new StopRequest("procman down was run", 0, ForcesOnRepeat: false));
        if (request.NoWait || Finished is null)
        {
            await WriteAsync(stream, ControlResponse.Success, cancellation).ConfigureAwait(false);
            return;
        }
        var finished = await Finished.WaitAsync(cancellation).ConfigureAwait(false);
        await WriteAsync(stream, new ControlResponse { Ok = true, ExitCode = finished.ExitCode, Processes = [.. finished.Instances.Select(ProcessStatus.From)] }, cancellation).ConfigureAwait(false);
    }

    private async Task WaitAsync(ControlRequest request, Stream stream, CancellationToken cancellation)
    {
        var condition = request.For switch
        {
            null or "ready" => WaitCondition.Ready,
            "started" => WaitCondition.Started,
            "completed" => WaitCondition.Completed,
            _ => (WaitCondition?)null,
        };
        if (condition is null || request.Names.Count == 0)
        {
            var problem = condition is null ? $"--for must be started, ready or completed, not `{request.For}`" : "wait: name at least one process";
            await WriteAsync(stream, ControlResponse.Failure(problem), cancellation).ConfigureAwait(false);
            return;
        }
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        if (request.TimeoutSeconds is { } seconds)
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, SupervisorOptions.MaxTimeout.TotalSeconds)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        ControlResponse response;
        try
        {
            response = await supervisor.WaitAsync(request.Names, condition.Value, deadline.Token).ConfigureAwait(false)
                ? ControlResponse.Success
                : ControlResponse.Failure($"{string.Join(", ", request.Names)} can never be {request.For ?? "ready"} (ended, skipped or stopped)");
        }
        catch (ArgumentException exception)
        {
            response = ControlResponse.Failure(exception.Message);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            response = ControlResponse.Failure($"timed out after {request.TimeoutSeconds:0.###} s waiting for {string.Join(", ", request.Names)} to be {request.For ?? "ready"}");
        }
        await WriteAsync(stream, response, cancellation).ConfigureAwait(false);
    }

    private async Task StreamLogsAsync(ControlRequest request, Stream stream, CancellationToken cancellation)
    {
        var unknown = request.Names.Where(n => !processOfInstance.ContainsKey(n) && !processOfInstance.Values.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            await WriteAsync(stream, ControlResponse.Failure(UnknownNames.Message(unknown, processOfInstance.Values.Concat(processOfInstance.Keys))), cancellation).ConfigureAwait(false);
            return;
        }
        var (backlog, follower) = logs.Subscribe(subject => Wanted(request.Names, subject), request.Lines ?? DefaultLogLines, request.Follow);
        try
        {
            await WriteAsync(stream, new ControlResponse { Ok = true, Names = [.. processOfInstance.Keys] }, cancellation).ConfigureAwait(false);
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var entry in backlog)
                Append(buffer, entry);
            await FlushAsync(stream, buffer, cancellation).ConfigureAwait(false);
            if (follower is null)
                return;
            // A client that hangs up is noticed at once, not at the next line that fails to go out.
            using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            _ = WatchForHangUpAsync(stream, clientGone);
            cancellation = clientGone.Token;
            while (await follower.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                // A bounded batch per write: while the write waits on a slow reader, the
                // follower's own queue fills and starts dropping, instead of this buffer growing.
                while (buffer.WrittenCount < MaxBatchBytes && follower.TryRead(out var item))
                {
                    if (item is LogItem.Lines(var entry))
                        Append(buffer, entry);
                    else if (item is LogItem.Skipped(var count))
                        JsonLineWriter.Write(buffer, OutputSource.ProcManName, OutputStream.ProcMan, DateTimeOffset.UtcNow, System.Text.Encoding.UTF8.GetBytes($"{count} lines skipped (reader too slow)"));
                }
                await FlushAsync(stream, buffer, cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            if (follower is not null)
                logs.Unsubscribe(follower);
        }
    }

    /// <summary>Cancels <paramref name="clientGone"/> when the client closes its end (a follower sends nothing more).</summary>
    private static async Task WatchForHangUpAsync(Stream stream, CancellationTokenSource clientGone)
    {
        try
        {
            var buffer = new byte[1];
            while (await stream.ReadAsync(buffer, clientGone.Token).ConfigureAwait(false) > 0)
            {
            }
            await clientGone.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Hung up, or the answer is over.
        }
    }

    /// <summary>
    /// Lines about <paramref name="subject"/> (its output and ProcMan's events about it) are wanted
    /// when it, or the process it is a replica of, is named; ProcMan's other events only when no name is.
    /// </summary>
    private bool Wanted(IReadOnlyList<string> names, string subject) =>
        names.Count == 0
        || names.Contains(subject)
        || (processOfInstance.TryGetValue(subject, out var process) && names.Contains(process));

    /// <summary>As <c>up --output json</c> writes them: an event's lines with its level, kind and fields.</summary>
    private static void Append(ArrayBufferWriter<byte> buffer, LogEntry entry)
    {
        var details = entry.Details as EventDetails;
        foreach (var line in entry.EachLine())
            JsonLineWriter.Write(buffer, entry.Source.Name, entry.Stream, entry.Time, line.Span, details);
    }

    private static async Task FlushAsync(Stream stream, ArrayBufferWriter<byte> buffer, CancellationToken cancellation)
    {
        if (buffer.WrittenCount == 0)
            return;
        await stream.WriteAsync(buffer.WrittenMemory, cancellation).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }
}
