using System.CommandLine;
using ProcMan.Cli.CommandLine;
using ProcMan.Control;
using ProcMan.Supervision;

namespace ProcMan.Cli.Commands;

/// <summary>
/// <c>procman wait NAME... [--for started|ready|completed] [--timeout SECONDS]</c>: returns 0 as
/// soon as the condition holds for every named process, 1 on timeout or when it never can.
/// </summary>
internal static class WaitCommand
{
    public static Command Create()
    {
        var file = ControlCommands.FileOption();
        var names = ControlCommands.Names("Processes (all their replicas) or replicas (web.2)", required: true);
        var condition = new Option<string>("--for")
        {
            Description = "started, ready (its readiness probe or ready line passed; running when it has neither) or completed (ended successfully)",
            DefaultValueFactory = _ => "ready",
        };
        condition.AcceptOnlyFromAmong("started", "ready", "completed");
        var timeout = new Option<double?>("--timeout") { Description = "Give up after this many seconds [default: no limit]" }
            .Seconds(SupervisorOptions.MaxTimeout.TotalSeconds);
        var command = new Command("wait", "Wait until processes of the running procman are started, ready or completed") { names, file, condition, timeout };
        command.SetAction(async (parse, cancellation) =>
            await ControlCommands.SendAsync(parse.GetValue(file)!, new ControlRequest
            {
                Command = "wait",
                Names = parse.GetValue(names)!,
                For = parse.GetValue(condition),
                TimeoutSeconds = parse.GetValue(timeout),
            }, cancellation));
        return command;
    }
}
