using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProcMan.Control;
using ProcMan.Output;
using ProcMan.Processes.Linux;

namespace ProcMan.Cli.Commands;

/// <summary>
/// <c>procman logs [-n N] [-f] [NAME...]</c>: the last lines of each process from the running
/// procman's memory, then with <c>-f</c> every new one, in the same format as <c>up</c>.
/// </summary>
internal static class LogsCommand
{
    public static Command Create()
    {
        var file = ControlCommands.FileOption();
        var names = ControlCommands.Names("Processes (all their replicas) or replicas (web.2; web-1 in a process-compose file) [default: all, and ProcMan's own lines]", required: false);
        var lines = new Option<int>("--lines", "-n") { Description = "How many of the last lines of each process to show", DefaultValueFactory = _ => 100 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines until procman exits or you press Ctrl-C" };
        var format = new OutputFormatOptions();
        // -f means --follow here, as in tail; the file is then named with --file.
        file.Aliases.Remove("-f");
        var command = new Command("logs", "Print the recent output of the running procman's processes, and follow it with -f") { names, file, lines, follow };
        format.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new ControlRequest { Command = "logs", Names = parse.GetValue(names)!, Lines = Math.Max(0, parse.GetValue(lines)), Follow = parse.GetValue(follow) };
            try
            {
                using var client = await ControlClient.ConnectAsync(ControlCommands.FileOf(parse, file));
                if (ControlCommands.Report(await client.SendAsync(request, cancellation)) is not { Names: { } inUse })
                    return ExitCodes.Failure;
                return parse.GetValue(format.Output) == OutputMode.Json
                    ? await CopyAsync(client.ReadLinesAsync(cancellation))
                    : await PrintAsync(client.ReadLinesAsync(cancellation), inUse, format.Resolve(parse));
            }
            catch (Exception exception) when (exception is NotRunningException or ControlSocketException)
            {
                Console.Error.WriteLine($"procman: {exception.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    /// <summary>--output json: the socket already speaks it, one object per line.</summary>
    private static async Task<int> CopyAsync(IAsyncEnumerable<string> json)
    {
        await using var stdout = FileDescriptorStream.StandardOutput();
        try
        {
            await foreach (var line in json)
                stdout.Write(Encoding.UTF8.GetBytes(line + "\n"));
        }
        catch (IOException exception) when (OutputFailure.From(exception).ReaderClosed)
        {
            return OutputFailure.From(exception).ExitCode;
        }
        catch (IOException)
        {
            // procman went away mid-line: what came has been printed.
        }
        return 0;
    }

    /// <summary>Turns the JSON lines back into chunks and prints them through a drain, exactly as <c>up</c> would.</summary>
    private static async Task<int> PrintAsync(IAsyncEnumerable<string> json, IReadOnlyList<string> names, OutputFormat format)
    {
        var channel = new OutputChannel();
        var drain = new OutputDrain(channel, FileDescriptorStream.StandardOutput(), new LinePrefixer(format, names));
        var draining = drain.RunAsync(); // It starts a thread of its own.
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        try
        {
            await foreach (var line in json)
            {
                if (drain.Failure.IsCompleted)
                    break;
                await drain.Inlet.WriteAsync(ToChunk(line, index));
            }
        }
        catch (IOException)
        {
            // procman went away mid-line: print what came.
        }
        drain.Inlet.Complete();
        await draining;
        return drain.Failure.IsCompleted ? drain.Failure.Result.ExitCode : 0;
    }

    private static OutputChunk ToChunk(string json, IReadOnlyDictionary<string, int> index)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var process = root.GetProperty("process").GetString() ?? OutputSource.ProcManName;
        var stream = JsonLineWriter.ParseStream(root.GetProperty("stream").GetString());
        var source = stream == OutputStream.ProcMan ? OutputSource.ProcMan : new OutputSource(process, index.GetValueOrDefault(process));
        var bytes = root.TryGetProperty("line_base64", out var exact)
            ? exact.GetBytesFromBase64()
            : Encoding.UTF8.GetBytes(root.GetProperty("line").GetString() ?? "");
        var time = DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
        // An event's level is all the text formats use of its fields: warnings coloured as in up.
        var details = root.TryGetProperty("level", out var level) && level.GetString() is { } name
            ? new EventDetails(name, root.TryGetProperty("event", out var kind) ? kind.GetString() : null, [])
            : null;
        return OutputChunk.Copy(source, stream, new(bytes), addNewline: true) with { Time = time, Details = details };
    }
}
