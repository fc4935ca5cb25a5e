using System.Diagnostics;
using ProcMan.Control;
using ProcMan.Processes;

namespace ProcMan.Cli.Commands;

/// <summary>
/// <c>procman up --detach [--wait]</c>: the same <c>up</c> started again in a session of its
/// own, stdin /dev/null, its output to a log file beside its control socket; this one returns
/// once every process is started (<c>--wait</c>: ready, or completed for a one-shot), 1 with the
/// failing process's line if one fails first. As <c>docker compose up -d --wait</c>, the stack
/// is left running then: <c>procman down</c> stops it.
/// </summary>
internal static class DetachedUp
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AfterFailurePatience = TimeSpan.FromSeconds(5);

    private static async Task WaitForExitAsync(Process up, TimeSpan patience, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(patience);
        try
        {
            await up.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running: the failure did not stop it.
        }
    }

    public static async Task<int> RunAsync(string file, IReadOnlyList<string> instances, bool waitReady, CancellationToken cancellation)
    {
        var log = Path.ChangeExtension(ControlSocketPath.For(file), ".log");
        var up = Start(log);
        Console.Out.WriteLine($"procman: started in the background (pid {up.Id}), output in {log}; stop it with: procman down -f {file}");
        var response = await WaitAsync(file, instances, waitReady, up, cancellation);
        if (response is { Ok: false })
        {
            // A failure usually stops the whole stack: its exit code, not "failed", is the answer,
            // when it comes soon; a stack that runs on after a failure is left running.
            await WaitForExitAsync(up, AfterFailurePatience, cancellation);
        }

        if ((response is null || !response.Ok) && up.HasExited)
        {
            Console.Error.WriteLine($"procman: the background procman exited with code {up.ExitCode} before its processes were {(waitReady ? "ready" : "started")}; its output is in {log}");
            return up.ExitCode == 0 ? ExitCodes.Failure : up.ExitCode;
        }
        return response is { Ok: true } ? 0 : ExitCodes.Failure;
    }

    /// <summary>
    /// Waits for every instance to be started (or ready); a one-shot that completed is ready
    /// enough, one that can never be is the failure, named with how it ended.
    /// </summary>
    private static async Task<ControlResponse?> WaitAsync(string file, IReadOnlyList<string> instances, bool waitReady, Process up, CancellationToken cancellation)
    {
        var left = instances.ToList();
        while (true)
        {
            var waited = await AskAsync(file, new ControlRequest { Command = "wait", Names = left, For = waitReady ? "ready" : "started" }, up, cancellation);
            if (waited is null || waited.Ok)
                return waited;
            if (await AskAsync(file, new ControlRequest { Command = "ps" }, up, cancellation) is not { Processes: { } rows })
                return null;
            var waitedFor = rows.Where(r => left.Contains(r.Name)).ToList();
            var failed = waitedFor.Where(r => r.State is "failed" or "skipped" or "stopped").ToList();
            if (failed.Count > 0 || !waitedFor.Any(r => r.State == "completed"))
            {
                foreach (var row in failed)
                    Console.Error.WriteLine($"procman: {ControlCommands.Describe(row)}");
                Console.Error.WriteLine($"procman: {waited.Error}");
                return waited;
            }
            left.RemoveAll(name => waitedFor.Any(r => r.Name == name && r.State == "completed"));
            if (left.Count == 0)
                return ControlResponse.Success;
        }
    }

    /// <summary>One request; null (said why) when the background procman is gone or never came.</summary>
    private static async Task<ControlResponse?> AskAsync(string file, ControlRequest request, Process up, CancellationToken cancellation)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Gone before its socket came (a bad log file, a busy file): no point waiting on.
        _ = up.WaitForExitAsync(gone.Token).ContinueWith(
            exit =>
            {
                try
                {
                    if (exit.IsCompletedSuccessfully)
                        gone.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The answer came first.
                }
            },
            TaskScheduler.Default);
        try
        {
            using var client = await ControlClient.ConnectWhenRunningAsync(file, StartPatience, cancellation: gone.Token);
            return await client.SendAsync(request, gone.Token);
        }
        catch (Exception exception) when (exception is NotRunningException or ControlSocketException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            if (!up.HasExited)
                Console.Error.WriteLine($"procman: {exception.Message}");
            return null;
        }
        finally
        {
            await gone.CancelAsync();
        }
    }

    /// <summary>This executable again, with the same arguments but the detaching ones.</summary>
    private static Process Start(string log)
    {
        var prefix = OwnCommand.Prefix() ?? throw new InvalidOperationException("cannot find procman's own executable");
        var arguments = Environment.GetCommandLineArgs().Skip(1).Where(a => a is not ("--detach" or "-d" or "--wait"));
        // setsid(1) execs in place (a child of ours is no group leader): the pid is procman's.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "log=$1; shift; exec setsid \"$@\" < /dev/null > \"$log\" 2>&1", "sh", log, .. prefix, .. arguments])
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start procman in the background");
    }
}
