using System.CommandLine;
using System.Globalization;

namespace ProcMan.Cli.CommandLine;

/// <summary>
/// What an option's value must be, in words ("a number of seconds from 0 to 60"), for its errors
/// and its help: System.CommandLine's own say "System.Nullable`1[System.Double]".
/// </summary>
internal static class OptionValues
{
    private static readonly Dictionary<Symbol, string> Words = [];

    /// <summary>Parses the value as a number of seconds from 0 to <paramref name="maximum"/>.</summary>
    public static Option<double> Seconds(this Option<double> option, double maximum)
    {
        var words = Remember(option, SecondsUpTo(maximum));
        option.HelpName = "seconds";
        option.CustomParser = result => ParseSeconds(result, maximum, words) ?? 0;
        return option;
    }

    /// <inheritdoc cref="Seconds(Option{double}, double)"/>
    public static Option<double?> Seconds(this Option<double?> option, double maximum)
    {
        var words = Remember(option, SecondsUpTo(maximum));
        option.HelpName = "seconds";
        option.CustomParser = result => ParseSeconds(result, maximum, words);
        return option;
    }

    /// <summary>
    /// The words for an option's value: those it was given, else ones from its type, so that an
    /// option added without them is still described without a .NET type name.
    /// </summary>
    public static string? Describe(Option option)
    {
        if (Words.TryGetValue(option, out var words))
            return words;
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type.IsEnum)
            return "one of " + string.Join(", ", Choices(type));
        if (type == typeof(string) && option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList() is { Count: > 0 } labels)
            return "one of " + string.Join(", ", labels);
        if (type == typeof(int) || type == typeof(long))
            return "a whole number";
        if (type == typeof(double) || type == typeof(decimal))
            return "a number";
        if (type == typeof(bool))
            return "true or false";
        return null;
    }

    /// <summary>Shows every enum option's choices in help as they are typed: <c>&lt;auto|always|never&gt;</c>.</summary>
    public static void NameChoices(Command command)
    {
        foreach (var option in command.Options)
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type.IsEnum && option.HelpName is null)
                option.HelpName = string.Join('|', Choices(type));
        }
        foreach (var subcommand in command.Subcommands)
            NameChoices(subcommand);
    }

    /// <summary>An enum's values as they are typed: lower case, in declaration order.</summary>
    public static IEnumerable<string> Choices(Type enumType) =>
        Enum.GetNames(enumType).Select(name => name.ToLowerInvariant());

    /// <summary>"a number of seconds from 0 to 60"; a limit of days also in days, as the configuration's errors put it.</summary>
    private static string SecondsUpTo(double maximum) =>
        $"a number of seconds from 0 to {maximum.ToString(CultureInfo.InvariantCulture)}"
        + (maximum >= 86_400 ? $" (about {Math.Floor(maximum / 86_400).ToString(CultureInfo.InvariantCulture)} days)" : "");

    private static string Remember(Option option, string words)
    {
        Words[option] = words;
        return words;
    }

    private static double? ParseSeconds(System.CommandLine.Parsing.ArgumentResult result, double maximum, string words)
    {
        var text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= maximum)
            return seconds;
        // The words are rendered by CommandLineErrors, which knows the option and the text.
        result.AddError(words);
        return null;
    }
}
