using System.CommandLine;
using ProcMan.Control;

namespace ProcMan.Cli.Commands;

/// <summary>
/// The commands that talk to a running <c>procman up</c> through its control socket: each finds
/// it from the configuration file (<c>-f</c>, default procfile.yml) and exits 1 when none runs.
/// </summary>
internal static class ControlCommands
{
    public static Option<string> FileOption() => new("--file", "-f")
    {
        Description = $"The configuration file the running procman was started with [default: {ConfigurationOptions.DefaultFile}]",
        DefaultValueFactory = _ => ConfigurationOptions.DefaultFile,
    };

    public static Argument<string[]> Names(string description, bool required) => new("NAME")
    {
        Description = description,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
    };

    /// <summary><c>procman stop|start|restart NAME...</c>.</summary>
    public static Command Action(string name, string description)
    {
        var file = FileOption();
        var names = Names("A process (all its replicas) or one replica (web.2)", required: true);
        var command = new Command(name, description) { names, file };
        command.SetAction(async (parse, cancellation) =>
            await SendAsync(parse.GetValue(file)!, new ControlRequest { Command = name, Names = parse.GetValue(names)! }, cancellation));
        return command;
    }

    /// <summary><c>procman down</c>.</summary>
    public static Command Down()
    {
        var file = FileOption();
        var command = new Command("down", "Stop every process and ProcMan gracefully, as Ctrl-C does") { file };
        command.SetAction(async (parse, cancellation) =>
            await SendAsync(parse.GetValue(file)!, new ControlRequest { Command = "down" }, cancellation));
        return command;
    }

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
            return Report(await client.SendAsync(request(), cancellation));
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
