using System.CommandLine;
using System.Globalization;
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
            var response = await ControlCommands.AskAsync(parse.GetValue(file)!, new ControlRequest { Command = "ps" }, cancellation);
            if (response?.Processes is not { } rows)
                return ExitCodes.Failure;
            Console.Out.Write(parse.GetValue(json) ? Json(rows) : Table(rows));
            return 0;
        });
        return command;
    }

    private static string Json(IReadOnlyList<ProcessStatus> rows) =>
        JsonSerializer.Serialize(rows, ControlJson.Default.IReadOnlyListProcessStatus) + "\n";

    private static string Table(IReadOnlyList<ProcessStatus> rows)
    {
        string[] header = ["NAME", "STATE", "PID", "UPTIME", "RESTARTS", "EXIT", "READY", "LINES", "BYTES"];
        var cells = rows.Select(row => new[]
        {
            row.Name,
            row.State,
            row.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
            row.UptimeSeconds is { } up ? Duration(up) : "-",
            row.Restarts.ToString(CultureInfo.InvariantCulture),
            row.LastExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
            row.Ready ? "yes" : "no",
            row.Lines.ToString(CultureInfo.InvariantCulture),
            row.Bytes.ToString(CultureInfo.InvariantCulture),
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => cells.Max(row => row[column].Length)).ToArray();
        return string.Concat(cells.Select(row => string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd() + "\n"));
    }

    private static string Duration(double seconds) => TimeSpan.FromSeconds(seconds) switch
    {
        { TotalHours: >= 1 } t => $"{(int)t.TotalHours}h{t.Minutes:00}m",
        { TotalMinutes: >= 1 } t => $"{t.Minutes}m{t.Seconds:00}s",
        var t => $"{t.TotalSeconds:0.0}s",
    };
}
