using System.CommandLine;
using ProcMan.Output;

namespace ProcMan.Cli.Commands;

/// <summary>How lines are printed, shared by <c>up</c> and <c>logs</c> so both look the same.</summary>
internal sealed class OutputFormatOptions
{
    // No DefaultValueFactory: the help would print the enum's name (`Auto`), not the word a
    // user types. An absent option reads as the enum's first value, which is the default.
    public Option<ColorMode> Color { get; } = new("--color")
    {
        Description = "Colour the prefixes: auto (only on a terminal, unless NO_COLOR is set or FORCE_COLOR forces it), always, never [default: auto]",
    };

    public Option<bool> Timestamps { get; } = new("--timestamps") { Description = "Print the local time (HH:mm:ss.fff) before each line (text output)" };

    public Option<bool> Raw { get; } = new("--raw") { Description = "Print the lines without a prefix, still one whole line at a time (text output)" };

    public Option<OutputMode> Output { get; } = new("--output", "-o")
    {
        Description = "text: prefixed lines for people; json: one JSON object per line (time, process, stream, line, and ProcMan's event fields) [default: text]",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Color);
        command.Options.Add(Timestamps);
        command.Options.Add(Raw);
        command.Options.Add(Output);
    }

    /// <summary>The text decoration asked for; JSON output takes none of it.</summary>
    public OutputFormat Resolve(ParseResult parse) =>
        parse.GetValue(Output) == OutputMode.Json
            ? new OutputFormat()
            : new OutputFormat(parse.GetValue(Color).Resolve(), parse.GetValue(Timestamps), parse.GetValue(Raw)) { Terminal = !Console.IsOutputRedirected };
}
