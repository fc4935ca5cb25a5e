using System.CommandLine;
using System.CommandLine.Parsing;
using ProcMan.Configuration;

namespace ProcMan.Cli.CommandLine;

/// <summary>
/// Turns a parse result's errors into one paragraph for people: unknown commands and options
/// with the closest real one, values in words, and the help to read next.
/// </summary>
internal static class CommandLineErrors
{
    /// <summary>The paragraph for the mistakes in <paramref name="parse"/>, or null when it has none.</summary>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var prefix = command is RootCommand ? "procman" : $"procman {command.Name}";
        var unknown = UnknownTokens(parse).Select(token => Unknown(command, token)).Distinct().ToList();
        // An unknown word explains the rest: `procman upp` is not also a missing command.
        var messages = unknown.Count > 0 ? unknown : parse.Errors.Select(Describe).Distinct().ToList();
        if (messages.Count == 0)
            return null;
        var lines = messages.Select(message => $"{prefix}: {message}").Append($"See '{prefix} --help'.");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Words that are no command or option here: those System.CommandLine left unmatched, and
    /// option-like words a command's arguments swallowed (`up --timestamp` is no process name),
    /// unless they come after `--`, where anything goes.
    /// </summary>
    private static IEnumerable<string> UnknownTokens(ParseResult parse)
    {
        var doubleDash = parse.Tokens.ToList().FindIndex(token => token.Type == TokenType.DoubleDash);
        var beforeDoubleDash = doubleDash < 0 ? parse.Tokens : parse.Tokens.Take(doubleDash);
        var swallowed = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(result => result.Tokens).ToList();
        var optionLike = beforeDoubleDash
            .Where(token => token.Type == TokenType.Argument && LooksLikeOption(token.Value) && swallowed.Any(s => ReferenceEquals(s, token)))
            .Select(token => token.Value);
        return parse.UnmatchedTokens.Concat(optionLike);
    }

    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';

    private static string Unknown(Command command, string token)
    {
        if (LooksLikeOption(token))
        {
            var options = AllOptions(command).SelectMany(option => option.Aliases.Prepend(option.Name)).Distinct();
            return $"unknown option `{token}`{Suggestions.DidYouMean(token, options)}";
        }
        return command.Subcommands.Count > 0
            ? $"unknown command `{token}`{Suggestions.DidYouMean(token, command.Subcommands.Select(c => c.Name))}"
            : $"unexpected argument `{token}`";
    }

    /// <summary>The command's own options and those it inherits (--help).</summary>
    private static IEnumerable<Option> AllOptions(Command command)
    {
        foreach (var option in command.Options)
            yield return option;
        foreach (var parent in command.Parents.OfType<Command>())
        {
            foreach (var option in parent.Options.Where(option => option.Recursive))
                yield return option;
        }
    }

    private static string Describe(ParseError error)
    {
        switch (error.SymbolResult)
        {
            case OptionResult option:
                return Value(option.Option, option.Tokens, error.Message);
            case ArgumentResult { Parent: OptionResult option } argument:
                return Value(option.Option, argument.Tokens, error.Message);
            case ArgumentResult argument when argument.Tokens.Count < argument.Argument.Arity.MinimumNumberOfValues:
                return $"missing {argument.Argument.Name}";
            default:
                return error.Message;
        }
    }

    private static string Value(Option option, IReadOnlyList<Token> tokens, string fallback) =>
        (OptionValues.Describe(option), tokens) switch
        {
            (null, _) => fallback,
            ({ } words, []) => $"{option.Name} needs a value: {words}",
            ({ } words, [.., var last]) => $"{option.Name} must be {words}, not `{last.Value}`",
        };
}
