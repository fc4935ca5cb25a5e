using System.CommandLine;
using System.Text.Json;
using ProcMan.Control;
using ProcMan.Reporting;

namespace ProcMan.Cli.Commands;

/// <summary><c>procman ps [--json]</c>: one row per process instance of the running procman.</summary>
internal static class PsCommand
{
    public static Command Create()
    {
        var file = ControlCommands.FileOption();
        var json = new Option<bool>("--json") { Description = "Print the rows as one JSON array (the control socket's field names)" };
        var command = new Command("ps", "List the processes of the running procman: state, pid, uptime, restarts, exit code, readiness, lines, bytes") { file, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var response = await ControlCommands.AskAsync(ControlCommands.FileOf(parse, file), new ControlRequest { Command = "ps" }, cancellation);
            if (response?.Processes is not { } rows)
                return ExitCodes.Failure;
            Console.Out.Write(parse.GetValue(json) ? Json(rows) : PsTable.Render(rows));
            return 0;
        });
        return command;
    }

    private static string Json(IReadOnlyList<ProcessStatus> rows) =>
        JsonSerializer.Serialize(rows, ControlJson.Default.IReadOnlyListProcessStatus) + "\n";
}
