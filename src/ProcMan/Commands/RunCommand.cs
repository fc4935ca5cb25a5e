using System.CommandLine;
using System.CommandLine.Parsing;
using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Processes.Linux;

namespace ProcMan.Cli.Commands;

/// <summary>
/// <c>procman run NAME</c>: one process of the file in the foreground, with exactly the
/// environment <c>up</c> gives it; <c>procman run -- COMMAND ARGS...</c>: any command with the
/// file's top-level environment (migrations, consoles). Exits with the process's code.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions();
        var target = new Argument<string[]>("NAME | -- COMMAND")
        {
            Description = "A process of the file (or one replica: web.2, or web-1 in a process-compose file), or after -- any command and its arguments",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("run", "Run one process of the file, or any command, in the foreground with the file's environment") { target };
        configuration.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var loaded = configuration.Load(parse, runEnvCommands: true);
            if (loaded is null)
                return ExitCodes.UsageError;
            var arguments = parse.GetValue(target)!;
            var spec = parse.Tokens.Any(token => token.Type == TokenType.DoubleDash)
                ? new ProcessSpec(arguments[0], arguments, Environment.CurrentDirectory, loaded.TopLevelEnvironment)
                : FindInstance(loaded, arguments);
            if (spec is null)
                return ExitCodes.UsageError;
            try
            {
                return (await new LinuxProcessLauncher { AdoptsOrphans = true }.RunAttachedAsync(spec)).Code;
            }
            catch (ProcessStartException exception)
            {
                Console.Error.WriteLine($"procman: {exception.Message}");
                return 127; // The shell's code for a command that cannot be run.
            }
        });
        return command;
    }

    /// <summary>A replica by its full name (web.2), else the first instance of a process (web).</summary>
    private static ProcessSpec? FindInstance(LoadedConfiguration loaded, string[] arguments)
    {
        if (arguments.Length > 1)
        {
            Console.Error.WriteLine($"procman: run takes one process name; to run a command, put it after --: procman run -- {string.Join(' ', arguments)}");
            return null;
        }
        var name = arguments[0];
        var instances = loaded.Plans.SelectMany(plan => plan.Instances).ToList();
        var spec = instances.FirstOrDefault(i => i.Name == name) ?? instances.FirstOrDefault(i => i.Definition?.Name == name);
        if (spec is null)
        {
            var declared = loaded.Document.Processes.Any(p => p.Name == name);
            Console.Error.WriteLine(declared
                ? $"procman: {loaded.Document.File}: process `{name}` is not started by this file (disabled, or 0 replicas)"
                : $"procman: {loaded.Document.File}: no process named `{name}`");
        }
        return spec;
    }
}
