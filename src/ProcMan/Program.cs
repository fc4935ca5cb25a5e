using System.CommandLine;
using ProcMan;
using ProcMan.Cli;
using ProcMan.Cli.CommandLine;
using ProcMan.Cli.Commands;
using ProcMan.Processes.Linux;

// Before any command is built: the guardian is started with every `up` and does nothing else.
if (args is [GuardianProcess.Command])
    return GuardianProcess.Run();

var root = new RootCommand("ProcMan: run the processes of a Procfile or procfile.yml, with their output serialized line by line")
{
    UpCommand.Create(),
    CheckCommand.Create(),
    RunCommand.Create(),
    PsCommand.Create(),
    ControlCommands.Action("stop", "Stop processes of the running procman (their shutdown settings apply; not an end)"),
    ControlCommands.Action("start", "Start stopped processes of the running procman (their dependencies apply)"),
    ControlCommands.Action("restart", "Restart processes of the running procman"),
    LogsCommand.Create(),
    WaitCommand.Create(),
    ControlCommands.Down(),
};

OptionValues.NameChoices(root);

// `procman` alone asks what it can do: the help, not an error about a missing command.
ParseResult parse;
try
{
    parse = root.Parse(args.Length == 0 ? ["--help"] : args);
}
catch (InvalidOperationException exception)
{
    // A validator that read a value which did not convert: still a usage error, not a crash.
    Console.Error.WriteLine($"procman: {exception.Message}");
    return ExitCodes.UsageError;
}

if (CommandLineErrors.Describe(parse) is { } errors)
{
    Console.Error.Write(errors);
    return ExitCodes.UsageError;
}

try
{
    // ProcMan owns SIGINT/SIGTERM itself: System.CommandLine's handling would force an exit
    // 2 s after Ctrl-C, before the children's grace period is over.
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (Exception exception)
{
    Console.Error.WriteLine($"procman: internal error: {exception.Message}");
    return ExitCodes.InternalError;
}
