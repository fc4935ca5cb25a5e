using System.CommandLine;
using System.Diagnostics;
using ProcMan.Cli.CommandLine;
using ProcMan.Control;
using ProcMan.Supervision;

namespace ProcMan.Cli.Commands;

/// <summary>
/// <c>procman wait NAME... [--for started|ready|completed] [--timeout SECONDS]</c>: returns 0 as
/// soon as the condition holds for every named process, 1 on timeout or when it never can.
/// The instance need not be running yet (<c>procman up &amp; procman wait web</c>): it is waited
/// for, within the timeout when one is given, else for <see cref="DefaultPatience"/>.
/// </summary>
internal static class WaitCommand
{
    /// <summary>How long a wait without --timeout gives an instance to appear: a cold start in CI is seconds, a missing one is a mistake.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var file = ControlCommands.FileOption();
        var names = ControlCommands.Names("Processes (all their replicas) or replicas (web.2; web-1 in a process-compose file)", required: true);
        var condition = new Option<string>("--for")
        {
            Description = "started, ready (its readiness probe or ready line passed; running when it has neither) or completed (ended successfully)",
            DefaultValueFactory = _ => "ready",
        };
        condition.AcceptOnlyFromAmong("started", "ready", "completed");
        var timeout = new Option<double?>("--timeout") { Description = $"Give up after this many seconds, counted from the start, procman's own start included [default: {DefaultPatience.TotalSeconds:0} s for procman to start, then no limit]" }
            .Seconds(SupervisorOptions.MaxTimeout.TotalSeconds);
        var command = new Command("wait", "Wait until processes of the running procman are started, ready or completed") { names, file, condition, timeout };
        command.SetAction(async (parse, cancellation) =>
        {
            var started = Stopwatch.GetTimestamp();
            var seconds = parse.GetValue(timeout);
            var patience = seconds is { } limit ? TimeSpan.FromSeconds(limit) : DefaultPatience;
            return await ControlCommands.SendAsync(ControlCommands.FileOf(parse, file), () => new ControlRequest
            {
                Command = "wait",
                Names = parse.GetValue(names)!,
                For = parse.GetValue(condition),
                // One deadline for both: what procman's start took is not given again.
                TimeoutSeconds = seconds is { } total ? Math.Max(0, total - Stopwatch.GetElapsedTime(started).TotalSeconds) : null,
            }, cancellation, patience);
        });
        return command;
    }
}
