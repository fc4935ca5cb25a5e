using System.CommandLine;
using ProcMan.Cli.CommandLine;
using ProcMan.Configuration;
using ProcMan.Control;
using ProcMan.Hosting;
using ProcMan.Output;
using ProcMan.Processes.Linux;
using ProcMan.Supervision;

namespace ProcMan.Cli.Commands;

/// <summary><c>procman up [FILE] [NAME...]</c>: run the processes of the file until one ends or ProcMan is stopped.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions();
        var targets = new Argument<string[]>("FILE|NAME")
        {
            Description = $"The configuration file [default: {ConfigurationOptions.DefaultFile}], then the processes to start [default: all]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new OutputFormatOptions();
        var noSummary = new Option<bool>("--no-summary") { Description = "Do not print the table of processes (exit code, restarts, run time, lines, bytes) at the end" };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = "Seconds a process has to exit after SIGTERM before it is killed",
            DefaultValueFactory = _ => SupervisorOptions.Default.StopTimeout.TotalSeconds,
        }.Seconds(SupervisorOptions.MaxTimeout.TotalSeconds);

        var detach = new Option<bool>("--detach", "-d") { Description = "Run in the background (output to a log file, whose path is printed); return once every process is started" };
        var waitReady = new Option<bool>("--wait") { Description = "With --detach: return once every process is ready (a one-shot: completed); exit 1 if one fails first, leaving the rest running" };
        var command = new Command("up", "Start the processes of the file and print their output, until one ends or ProcMan is stopped")
        {
            targets, noSummary, timeout, detach, waitReady,
        };
        format.AddTo(command);
        configuration.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var (file, names) = SplitTargets(parse.GetValue(targets) ?? [], configuration.NamesFile(parse));
            // A detached up loads again in the background, and runs the env_cmds there.
            var loaded = configuration.Load(parse, file, names, runEnvCommands: !parse.GetValue(detach));
            if (loaded is null)
                return ExitCodes.UsageError;
            if (loaded.Processes.Count == 0)
            {
                Console.Error.WriteLine($"procman: {loaded.Document.File}: no process to start (every one is disabled or has 0 replicas)");
                return ExitCodes.UsageError;
            }
            // An explicit --timeout beats the file's shutdown_timeout_seconds, which beats the default.
            var stopTimeout = parse.GetResult(timeout) is { Implicit: false } || loaded.Document.ShutdownTimeout is null
                ? TimeSpan.FromSeconds(parse.GetValue(timeout))
                : loaded.Document.ShutdownTimeout.Value;
            var options = SupervisorOptions.Default with { StopTimeout = stopTimeout };
            if (parse.GetValue(detach))
                return await DetachedUp.RunAsync(loaded.Document.File, [.. loaded.Processes.Select(p => p.Name)], parse.GetValue(waitReady), cancellation);
            LogFiles? logFiles;
            try
            {
                // Before anything starts: a log file that cannot be written is a usage error, not a surprise later.
                logFiles = LogFiles.Open(
                    loaded.Document.LogLocation,
                    [.. loaded.Processes.Select(p => (p.Name, p.Definition?.LogLocation))],
                    loaded.Document.LogSettings,
                    loaded.Processes.ToDictionary(p => p.Name, p => p.Definition?.LogSettings ?? LogSettings.Default, StringComparer.Ordinal));
            }
            catch (IOException exception)
            {
                Console.Error.WriteLine($"procman: {loaded.Document.File}: {exception.Message}");
                return ExitCodes.UsageError;
            }

            using (logFiles)
            {
                ControlServer control;
                try
                {
                    // Taken before anything starts: a second `up` on the same file is refused here.
                    control = ControlServer.Bind(ControlSocketPath.For(loaded.Document.File));
                }
                catch (Exception exception) when (exception is AlreadyRunningException or ControlSocketException or IOException)
                {
                    Console.Error.WriteLine($"procman: {loaded.Document.File}: {exception.Message}");
                    return ExitCodes.Failure;
                }

                await using (control)
                {
                    var mode = parse.GetValue(format.Output);
                    using var launcher = new LinuxProcessLauncher { Guarded = true, AdoptsOrphans = true };
                    var runner = new UpRunner(launcher, format.Resolve(parse), options)
                    {
                        Mode = mode,
                        Summary = !parse.GetValue(noSummary),
                        GitHubGroups = GitHubGroups.Enabled,
                        LogFiles = logFiles,
                        EventLevel = loaded.Document.EventLevel ?? ProcMan.Configuration.EventLevel.Info,
                        LogLength = loaded.Document.LogLength ?? LogHub.DefaultLinesPerSource,
                    };
                    return await runner.RunAsync(loaded.Processes, control);
                }
            }
        });
        return command;
    }

    private static (string? File, string[] Names) SplitTargets(string[] targets, bool fileGivenByOption) =>
        !fileGivenByOption && targets.Length > 0 && ConfigurationOptions.LooksLikeFile(targets[0])
            ? (targets[0], targets[1..])
            : (null, targets);
}
