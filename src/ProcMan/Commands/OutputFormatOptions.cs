using System.CommandLine;
using ProcMan.Output;

namespace ProcMan.Cli.Commands;

/// <summary>How lines are printed, shared by <c>up</c> and <c>logs</c> so both look the same.</summary>
internal sealed class OutputFormatOptions
{
    public Option<ColorMode> Color { get; } = new("--color")
    {
        Description = "Colour the prefixes: auto (only on a terminal, unless NO_COLOR is set or FORCE_COLOR forces it), always, never",
        DefaultValueFactory = _ => ColorMode.Auto,
    };

    public Option<bool> Timestamps { get; } = new("--timestamps") { Description = "Print the local time (HH:mm:ss.fff) before each line" };

    public Option<bool> Raw { get; } = new("--raw") { Description = "Print the lines without a prefix (still one whole line at a time)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Color);
        command.Options.Add(Timestamps);
        command.Options.Add(Raw);
    }

    public OutputFormat Resolve(ParseResult parse) =>
        new(parse.GetValue(Color).Resolve(), parse.GetValue(Timestamps), parse.GetValue(Raw));
}
