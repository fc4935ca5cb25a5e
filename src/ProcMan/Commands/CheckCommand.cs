using System.CommandLine;
using ProcMan.Configuration;
using ProcMan.Reporting;

namespace ProcMan.Cli.Commands;

/// <summary><c>procman check [FILE]</c>: validate the configuration and show how each process would run.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var configuration = new ConfigurationOptions();
        var file = new Argument<string?>("FILE")
        {
            Description = $"The configuration file [default: {ConfigurationOptions.DefaultFile}]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check", "Validate the configuration and print a summary (variable names, never their values)") { file };
        configuration.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = configuration.Load(parse, parse.GetValue(file));
            if (loaded is null)
                return ExitCodes.UsageError;
            Console.Out.Write(CheckSummary.Render(loaded));
            return 0;
        });
        return command;
    }
}
