using System.CommandLine;
using ProcMan.Configuration;
using ProcMan.Hosting;
using ProcMan.Output;
using ProcMan.Processes.Linux;
using ProcMan.Supervision;

namespace ProcMan.Cli.Commands;

/// <summary><c>procman up [FILE]</c>: run every process of the file until one ends or ProcMan is stopped.</summary>
internal static class UpCommand
{
    public const string DefaultFile = "procfile.yml";

    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = $"The configuration file: YAML (.yml, .yaml) or a classic Procfile [default: {DefaultFile}]",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultFile,
        };
        var color = new Option<ColorMode>("--color")
        {
            Description = "Colour the prefixes: auto (only on a terminal, unless NO_COLOR is set or FORCE_COLOR forces it), always, never",
            DefaultValueFactory = _ => ColorMode.Auto,
        };
        var timestamps = new Option<bool>("--timestamps") { Description = "Print the local time (HH:mm:ss.fff) before each line" };
        var raw = new Option<bool>("--raw") { Description = "Print the lines without a prefix (still one whole line at a time)" };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = "Seconds a process has to exit after SIGTERM before it is killed",
            DefaultValueFactory = _ => SupervisorOptions.Default.StopTimeout.TotalSeconds,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or double.NaN or double.PositiveInfinity)
                result.AddError("--timeout must be a number of seconds, 0 or more");
        });

        var command = new Command("up", "Start every process of the file and print their output, until one ends or ProcMan is stopped")
        {
            file, color, timestamps, raw, timeout,
        };
        command.SetAction(async (parse, _) =>
        {
            var specs = ConfigurationErrors.Catch(() => ProcfileLoader.Load(parse.GetValue(file)!, new LoadOptions()).Processes);
            if (specs is null)
                return ExitCodes.UsageError;
            var format = new OutputFormat(parse.GetValue(color).Resolve(), parse.GetValue(timestamps), parse.GetValue(raw));
            var options = SupervisorOptions.Default with { StopTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            return await new UpRunner(new LinuxProcessLauncher(), format, options).RunAsync(specs);
        });
        return command;
    }
}
