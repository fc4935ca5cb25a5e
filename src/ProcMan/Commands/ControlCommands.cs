using System.CommandLine;
using ProcMan.Configuration;
using ProcMan.Control;

namespace ProcMan.Cli.Commands;

/// <summary>
/// The commands that talk to a running <c>procman up</c> through its control socket: each finds
/// it from the configuration file (<c>-f</c>, default procfile.yml) and exits 1 when none runs.
/// </summary>
internal static class ControlCommands
{
    /// <summary>
    /// <c>-f</c>, repeatable as for <c>up</c> so that the same command line works: the running
    /// procman is found by the first file, which names its control socket.
    /// </summary>
    public static Option<string[]> FileOption() => new("--file", "-f")
    {
        Description = "The configuration file the running procman was started with (the first one, when it was started with several)",
        AllowMultipleArgumentsPerToken = false,
        // The same discovery as up, so a client finds the procman started in this directory.
        DefaultValueFactory = _ => [ConfigurationDiscovery.FindExisting() ?? ConfigurationDiscovery.Candidates[0]],
    };

    /// <summary>The file that names the running procman's control socket: the first <c>-f</c>.</summary>
    public static string FileOf(ParseResult parse, Option<string[]> file) =>
        parse.GetValue(file) is [var first, ..] ? first : ConfigurationDiscovery.FindExisting() ?? ConfigurationDiscovery.Candidates[0];

    public static Argument<string[]> Names(string description, bool required) => new("NAME")
    {
        Description = description,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
    };

    public static Option<bool> NoWaitOption(string what) => new("--no-wait") { Description = $"Return as soon as procman has the request, not once {what}" };

    /// <summary>
    /// <c>procman stop|start|restart NAME...</c>; stop and restart return once done (stopped,
    /// running again) and print one line per instance, unless <c>--no-wait</c>.
    /// </summary>
    public static Command Action(string name, string description)
    {
        var file = FileOption();
        var names = Names("A process (all its replicas) or one replica (web.2; web-1 in a process-compose file)", required: false);
        var namespaces = new Option<string[]>("--namespace", "-n")
        {
            Description = "Every process of this namespace too (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(name, description) { names, file, namespaces };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(names) ?? []).Length == 0 && (result.GetValue(namespaces) ?? []).Length == 0)
                result.AddError("missing NAME");
        });
        Option<bool>? noWait = null;
        if (name != "start")
            command.Options.Add(noWait = NoWaitOption(name == "stop" ? "the processes have stopped" : "the processes run again"));
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new ControlRequest
            {
                Command = name,
                Names = parse.GetValue(names) ?? [],
                Namespaces = parse.GetValue(namespaces) ?? [],
                NoWait = noWait is not null && parse.GetValue(noWait),
            };
            var response = await AskAsync(FileOf(parse, file), request, cancellation);
            PrintInstances(response);
            return response is { Ok: true } ? 0 : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary><c>procman down</c>: returns once procman has exited, with its exit code, unless <c>--no-wait</c>.</summary>
    public static Command Down()
    {
        var file = FileOption();
        var noWait = NoWaitOption("procman has stopped everything and exited (exit code 0 then)");
        var command = new Command("down", "Stop every process and ProcMan gracefully, as Ctrl-C does; exit with procman's exit code") { file, noWait };
        command.SetAction(async (parse, cancellation) =>
        {
            var response = await AskAsync(FileOf(parse, file), new ControlRequest { Command = "down", NoWait = parse.GetValue(noWait) }, cancellation);
            PrintInstances(response);
            return response is null ? ExitCodes.Failure : response.ExitCode ?? 0;
        });
        return command;
    }

    /// <summary>One line per instance the answer names: what it is now.</summary>
    private static void PrintInstances(ControlResponse? response)
    {
        foreach (var instance in response?.Processes ?? [])
            Console.Out.WriteLine(Describe(instance));
    }

    /// <summary>E.g. <c>web.1 stopped (exit code 143)</c>, <c>web.1 running (pid 4242)</c>.</summary>
    internal static string Describe(ProcessStatus instance) => instance switch
    {
        { Pid: { } pid, State: "running" or "ready" } => $"{instance.Name} {instance.State} (pid {pid})",
        { LastExitCode: { } code } => $"{instance.Name} {instance.State} (exit code {code})",
        _ => $"{instance.Name} {instance.State}",
    };

    /// <summary>Sends a request that needs no more than ok/error; returns the exit code.</summary>
    public static Task<int> SendAsync(string file, ControlRequest request, CancellationToken cancellation) =>
        SendAsync(file, () => request, cancellation, TimeSpan.Zero);

    /// <summary>Sends the request <paramref name="request"/> makes once connected (its timeout may count the time to connect).</summary>
    public static async Task<int> SendAsync(string file, Func<ControlRequest> request, CancellationToken cancellation, TimeSpan patience)
    {
        var response = await AskAsync(file, request, cancellation, patience);
        return response is { Ok: true } ? 0 : ExitCodes.Failure;
    }

    /// <summary>
    /// Sends a request, to an instance that may take up to <paramref name="patience"/> to appear;
    /// prints why when there is no answer or an error, and returns null then.
    /// </summary>
    public static Task<ControlResponse?> AskAsync(string file, ControlRequest request, CancellationToken cancellation) =>
        AskAsync(file, () => request, cancellation, TimeSpan.Zero);

    /// <inheritdoc cref="AskAsync(string, ControlRequest, CancellationToken)"/>
    public static async Task<ControlResponse?> AskAsync(string file, Func<ControlRequest> request, CancellationToken cancellation, TimeSpan patience)
    {
        try
        {
            using var client = await ControlClient.ConnectWhenRunningAsync(file, patience, cancellation: cancellation);
            var response = await client.SendAsync(request(), cancellation);
            // A restart that failed says which instance ended how.
            if (!response.Ok && response.Processes is not null)
                PrintInstances(response);
            return Report(response);
        }
        catch (Exception exception) when (exception is NotRunningException or ControlSocketException)
        {
            Console.Error.WriteLine($"procman: {exception.Message}");
            return null;
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"procman: {file}: the running procman closed the connection ({exception.Message}); it is probably exiting");
            return null;
        }
    }

    /// <summary>Prints an error answer; returns the answer when it is a success.</summary>
    public static ControlResponse? Report(ControlResponse response)
    {
        if (!response.Ok)
            Console.Error.WriteLine($"procman: {response.Error}");
        return response.Ok ? response : null;
    }
}
