using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Typed access to the keys of one YAML mapping. Every read records the key as known, so that
/// <see cref="ReportUnknownKeys"/> can flag the rest with a suggestion; supporting a new key is
/// one more read. Wrong types are reported at the value and read as absent, so reading goes on
/// and one load reports every problem.
/// </summary>
internal sealed class YamlMappingReader(YamlMappingNode mapping, string file, string owner, ErrorCollector errors)
{
    /// <summary>The longest duration a timer accepts, in whole seconds.</summary>
    public const int MaximumSeconds = int.MaxValue / 1000;

    private readonly HashSet<string> _knownKeys = new(StringComparer.Ordinal);

    /// <summary>The raw value of <paramref name="key"/>, or null when it is absent.</summary>
    public YamlNode? Node(string key)
    {
        _knownKeys.Add(key);
        return ValueOf(mapping, key);
    }

    /// <summary>The raw value of <paramref name="key"/> in <paramref name="node"/>, for passes over the tree before it is read.</summary>
    public static YamlNode? ValueOf(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: var name } && name == key).Value;

    public SourcePosition? PositionOfValue(string key) => Node(key) is { } value ? PositionOf(value) : null;

    public string? String(string key) =>
        Node(key) is { } node ? AsString(node, key) : null;

    public int? Integer(string key)
    {
        if (Node(key) is not { } node || TypedText(node, key, "a whole number") is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        TypeError(node, key, "a whole number");
        return null;
    }

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>]; out of range is reported and read as absent.</summary>
    public int? Integer(string key, int minimum, int maximum = int.MaxValue)
    {
        if (Integer(key) is not { } number)
        {
            return null;
        }

        if (number >= minimum && number <= maximum)
        {
            return number;
        }

        errors.Add(PositionOfValue(key)!, $"`{key}` {owner} must be {Range(minimum, maximum)}, got {number}{ExpandedFrom(Node(key)!)}");
        return null;
    }

    /// <summary>
    /// A duration written as a number of seconds, possibly fractional (<c>0.5</c>). Zero is
    /// allowed only when <paramref name="zeroAllowed"/>; negatives never are.
    /// </summary>
    public TimeSpan? Seconds(string key, bool zeroAllowed)
    {
        if (Node(key) is not { } node || TypedText(node, key, "a number of seconds") is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            TypeError(node, key, "a number of seconds");
            return null;
        }

        if (seconds < 0 || (seconds == 0 && !zeroAllowed))
        {
            errors.Add(PositionOf(node), $"`{key}` {owner} must be {(zeroAllowed ? "0 or more" : "more than 0")}, got {text}{ExpandedFrom(node)}");
            return null;
        }

        // Timers (Task.Delay, CancelAfter) take at most int.MaxValue milliseconds, about 24 days.
        if (seconds > MaximumSeconds)
        {
            errors.Add(PositionOf(node), $"`{key}` {owner} must be at most {MaximumSeconds} (about 24 days), got {text}{ExpandedFrom(node)}");
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>A list of whole numbers in [<paramref name="minimum"/>, <paramref name="maximum"/>]; each bad item is reported and left out.</summary>
    public IReadOnlyList<int>? IntegerList(string key, int minimum, int maximum)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            TypeError(node, key, "a list of whole numbers");
            return null;
        }

        var numbers = new List<int>();
        foreach (var item in sequence.Children)
        {
            if (TypedText(item, key, "a whole number") is not { } text)
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                TypeError(item, key, "a whole number");
            }
            else if (number < minimum || number > maximum)
            {
                errors.Add(PositionOf(item), $"`{key}` {owner}: each entry must be {Range(minimum, maximum)}, got {number}{ExpandedFrom(item)}");
            }
            else
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <summary>
    /// A nested mapping, read with its own reader (whose unknown keys the caller reports), or
    /// null when the key is absent or holds something else (reported).
    /// </summary>
    public YamlMappingReader? Mapping(string key, string expected = "a mapping")
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is YamlMappingNode nested)
        {
            return new YamlMappingReader(nested, file, NestedOwner(key), errors);
        }

        TypeError(node, key, expected);
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, exactly as written; anything else is reported with a suggestion.</summary>
    public string? Choice(string key, IReadOnlyCollection<string> choices)
    {
        var expected = string.Join(", ", choices.Select(choice => $"`{choice}`"));
        if (Node(key) is not { } node || TypedText(node, key, $"one of {expected}") is not { } text)
        {
            return null;
        }

        if (choices.Contains(text))
        {
            return text;
        }

        errors.Add(PositionOf(node), $"`{key}` {owner}: expected one of {expected}, got `{text}`{ExpandedFrom(node)}{Suggestions.DidYouMean(text, choices)}");
        return null;
    }

    /// <summary>Reports a problem found in this mapping's values beyond their type (a range, a combination).</summary>
    public void Report(SourcePosition at, string message) => errors.Add(at, message);

    /// <summary>The position of this mapping itself, for problems about it as a whole.</summary>
    public SourcePosition Position => PositionOf(mapping);

    /// <summary>How errors say where this mapping is ("in process `web`").</summary>
    public string Owner => owner;

    /// <summary>
    /// How errors say where a mapping under <paramref name="key"/> is: "in `shutdown` of process
    /// `web`", then "in `readiness_probe.http_get` of process `web`" one level further down.
    /// </summary>
    public string NestedOwner(string key)
    {
        const string Quoted = "in `";
        const string Of = "` of ";
        var end = owner.IndexOf(Of, StringComparison.Ordinal);
        if (owner.StartsWith(Quoted, StringComparison.Ordinal) && end > 0)
        {
            return $"in `{owner[Quoted.Length..end]}.{key}` of {owner[(end + Of.Length)..]}";
        }

        return owner.StartsWith("in ", StringComparison.Ordinal) ? $"in `{key}` of {owner[3..]}" : $"in `{key}` {owner}";
    }

    public bool? Boolean(string key)
    {
        if (Node(key) is not { } node || TypedText(node, key, "true or false") is not { } text)
        {
            return null;
        }

        // YAML 1.2 booleans: "yes"/"no"/"on" are strings there, and guessing would surprise; a
        // process-compose file also takes YAML 1.1's, as process-compose does (Yaml11Booleans).
        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        if (Yaml11Booleans.Read(node, text) is { } yaml11)
        {
            return yaml11;
        }

        TypeError(node, key, "true or false");
        return null;
    }

    /// <summary>A list of strings, e.g. an argv.</summary>
    public IReadOnlyList<string>? StringList(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            TypeError(node, key, "a list of strings");
            return null;
        }

        var items = sequence.Children.Select(item => AsString(item, key)).ToList();
        return items.All(item => item is not null) ? items.Select(item => item!).ToList() : null;
    }

    /// <summary>One string or a list of them, each with its position (e.g. <c>env_file</c>).</summary>
    public IReadOnlyList<(string Value, SourcePosition At)>? StringOrList(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                return sequence.Children
                    .Select(item => (Value: AsString(item, key), At: PositionOf(item)))
                    .Where(item => item.Value is not null)
                    .Select(item => (item.Value!, item.At))
                    .ToList();
            case var node:
                return AsString(node, key, "a string or a list of strings") is { } single
                    ? [(single, PositionOf(node))]
                    : null;
        }
    }

    /// <summary>
    /// Variables as a mapping (<c>KEY: value</c>) or as a list of <c>KEY=VALUE</c> strings, the
    /// two forms docker compose accepts. Values are taken literally. A list entry that is only a
    /// name (<c>- FOO</c>) is left out: it overrides nothing.
    /// </summary>
    public IReadOnlyList<EnvironmentVariable>? Environment(string key)
    {
        var variables = new List<EnvironmentVariable>();
        switch (Node(key))
        {
            case null:
                return null;
            case YamlMappingNode map:
                foreach (var (nameNode, valueNode) in map.Children)
                {
                    if (AsString(nameNode, key) is not { } name || !IsVariableName(name, nameNode, key))
                    {
                        continue;
                    }

                    // `KEY:` with nothing after it means an empty value, as in docker compose.
                    var value = IsNull(valueNode) ? string.Empty : AsString(valueNode, $"{key}.{name}");
                    if (value is not null)
                    {
                        variables.Add(new EnvironmentVariable(name, value) { At = PositionOf(valueNode) });
                    }
                }

                return variables;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (AsString(item, key) is not { } entry)
                    {
                        continue;
                    }

                    var equals = entry.IndexOf('=');
                    if (equals < 0 && IsBareName(entry))
                    {
                        // `- FOO` sets nothing, as in process-compose (Go passes the entry on
                        // and no program reads it): FOO keeps the value it has without the
                        // entry, inherited or from an env file, and stays unset if it has none.
                        continue;
                    }

                    if (equals < 0)
                    {
                        // Not a name: `DB_PASSWORD hunter2` is a value with its `=` missing.
                        var name = new string(entry.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-').ToArray());
                        var what = name.Length > 0 ? $"`{name}` has no `=`" : "an entry has no `=`";
                        errors.Add(PositionOf(item), $"`{key}` {owner}: expected KEY=VALUE, but {what}");
                        continue;
                    }

                    if (IsVariableName(entry[..equals], item, key))
                    {
                        variables.Add(new EnvironmentVariable(entry[..equals], entry[(equals + 1)..]) { At = PositionOf(item) });
                    }
                }

                return variables;
            case var other:
                // Not Describe: a scalar here is likely `KEY=secret`, which must not be printed.
                var got = other is YamlScalarNode && !IsNull(other) ? "a string" : Describe(other);
                errors.Add(PositionOf(other), $"`{key}` {owner}: expected a mapping or a list of KEY=VALUE, got {got}");
                return null;
        }
    }

    /// <summary>Reports every key that no read asked for, suggesting the closest known one.</summary>
    /// <param name="elsewhere">Keys that belong in another section, and where: "did you mean `availability.restart`?".</param>
    public void ReportUnknownKeys(IReadOnlyDictionary<string, string>? elsewhere = null) => ReportUnknownKeys(section: null, elsewhere);

    /// <summary>
    /// Reports every key that no read asked for, as <see cref="ConfigurationKeys"/> has it for
    /// <paramref name="section"/>: a key it ignores (or an <c>x-</c> extension key) passes, a key
    /// it refuses or does not support yet gets its reason, any other key is unknown.
    /// </summary>
    /// <exception cref="InvalidOperationException">A read asked for a key the registry does not accept: the registry is behind the loader.</exception>
    public void ReportUnknownKeys(KeySection? section, IReadOnlyDictionary<string, string>? elsewhere = null)
    {
        if (section is { } known && _knownKeys.FirstOrDefault(key => !ConfigurationKeys.IsAccepted(known, key)) is { } unregistered)
        {
            throw new InvalidOperationException($"the loader reads `{unregistered}` in {known}, which ConfigurationKeys does not list as accepted");
        }

        foreach (var keyNode in mapping.Children.Keys)
        {
            if (keyNode is YamlScalarNode { Value: { } name } && !_knownKeys.Contains(name))
            {
                if (section is { } current && ConfigurationKeys.RefusalOf(current, name, owner) is { } refusal)
                {
                    errors.Add(PositionOf(keyNode), refusal);
                    continue;
                }

                // Without a section only the extension keys are known to need no read.
                // A key the registry says is implemented but no read asked for is unknown: this
                // loader does not implement it.
                if (section is { } accepting ? ConfigurationKeys.IsIgnored(accepting, name) : name.StartsWith(ConfigurationKeys.ExtensionPrefix, StringComparison.Ordinal))
                {
                    continue;
                }
            }

            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.Add(PositionOf(keyNode), $"keys must be plain names {owner}, got {Describe(keyNode)}");
            }
            else if (key == "<<")
            {
                // YamlDotNet's representation model does not apply merge keys; say so rather than "unknown".
                errors.Add(PositionOf(keyNode), $"YAML merge keys (`<<`) are not supported {owner}; repeat the keys or alias whole values (`environment: *common`)");
            }
            else if (!_knownKeys.Contains(key))
            {
                errors.Add(
                    PositionOf(keyNode),
                    elsewhere?.GetValueOrDefault(key) is { } moved
                        ? $"unknown key `{key}` {owner}; did you mean `{moved}`?"
                        : $"unknown key `{key}` {owner}{Suggestions.DidYouMean(key, _knownKeys)}");
            }
        }
    }

    public SourcePosition PositionOf(YamlNode node) => PositionOf(file, node);

    /// <summary>Where <paramref name="node"/> is written: in the file it was read from when several are merged, else in <paramref name="file"/>.</summary>
    public static SourcePosition PositionOf(string file, YamlNode node) => YamlProvenance.PositionOf(file, node);

    /// <summary>"a mapping", "a list", "nothing" or the scalar itself, for "expected X, got Y".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "nothing",
        YamlScalarNode { Value: var value } => $"`{value}`",
        _ => "an alias",
    };

    /// <summary>A plain <c>~</c>, <c>null</c> or empty scalar: YAML's null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private string? AsString(YamlNode node, string key, string expected = "a string")
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node))
        {
            // A C string ends at a NUL: a path, an argument or a variable holding one would be cut
            // short (or refused by the runtime) later, far from the line that wrote it.
            if (value.Contains('\0'))
            {
                errors.Add(PositionOf(node), $"`{key}` {owner} contains a NUL character (`\\0`), which no path, argument or environment variable can hold");
                return null;
            }

            return value;
        }

        TypeError(node, key, expected);
        return null;
    }

    private static string Range(int minimum, int maximum) =>
        maximum == int.MaxValue ? $"{minimum} or more" : $"between {minimum} and {maximum}";

    private static bool IsBareName(string entry) =>
        entry.Length > 0 && !entry.Contains('\0') && !entry.Any(char.IsWhiteSpace);

    private bool IsVariableName(string name, YamlNode at, string key)
    {
        if (name.Length > 0 && !name.Contains('=') && !name.Contains('\0') && !name.Any(char.IsWhiteSpace))
        {
            return true;
        }

        errors.Add(PositionOf(at), $"`{key}` {owner}: `{name}` is not a valid variable name");
        return false;
    }

    private void TypeError(YamlNode node, string key, string expected) =>
        errors.Add(PositionOf(node), $"`{key}` {owner}: expected {expected}, got {DescribeValue(node)}");

    /// <summary>
    /// The text a typed read parses: the value, or its load-time expansion when the dialect
    /// leaves strings as written (see <see cref="LoadTimeExpansion"/>).
    /// </summary>
    private string? TypedText(YamlNode node, string key, string expected)
    {
        if (ExpandedValues.ForTypedRead(node) is not { } deferred)
        {
            return AsString(node, key, expected);
        }

        if (deferred.Problem is { } problem)
        {
            errors.Add(PositionOf(node), $"`{key}` {owner}: cannot expand `{deferred.Original}`: {problem}");
            return null;
        }

        if (string.IsNullOrEmpty(deferred.Value))
        {
            errors.Add(PositionOf(node), $"`{key}` {owner}: expected {expected}, got nothing (`{deferred.Original}` expands to nothing)");
            return null;
        }

        return deferred.Value;
    }

    /// <summary><see cref="Describe"/>, saying what an expanded value was written as.</summary>
    private static string DescribeValue(YamlNode node) =>
        ExpandedValues.ForTypedRead(node) is { Value: { } value } deferred
            ? $"`{value}` (expanded from `{deferred.Original}`)"
            : $"{Describe(node)}{ExpandedFrom(node)}";

    /// <summary>" (expanded from `${N}`)" for a value load-time expansion rewrote, else nothing.</summary>
    private static string ExpandedFrom(YamlNode node) =>
        ExpandedValues.ForTypedRead(node) is { } deferred ? $" (expanded from `{deferred.Original}`)"
        : ExpandedValues.OriginalOf(node) is { } original ? $" (expanded from `{original}`)"
        : string.Empty;

    /// <summary>Reports a value of the wrong type with a hint after it; reads as absent (null).</summary>
    public string? TypeError(YamlNode node, string key, string expected, string hint)
    {
        errors.Add(PositionOf(node), $"`{key}` {owner}: expected {expected}, got {DescribeValue(node)}{hint}");
        return null;
    }
}
