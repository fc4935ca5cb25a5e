namespace ProcMan.Configuration;

/// <summary>
/// Replica counts chosen on the command line, foreman style: <c>web=2,worker=0</c>, or
/// <c>all=N</c> for every process. A name-specific count beats <c>all</c>. <c>all</c> is a
/// keyword here, as in foreman: a process named <c>all</c> can only be scaled with the others.
/// Disabled processes stay stopped whatever the formation says.
/// </summary>
/// <param name="Counts">Counts by process name.</param>
/// <param name="All">The count for processes not named, or null to keep the file's <c>replicas</c>.</param>
internal sealed record Formation(IReadOnlyDictionary<string, int> Counts, int? All)
{
    /// <summary>The "file" named in errors about the formation text, which comes from no file.</summary>
    public const string Source = "formation";

    private const string AllKeyword = "all";

    public static Formation None { get; } = new(new Dictionary<string, int>(), null);

    /// <summary>The count for <paramref name="processName"/>, or null to keep the file's <c>replicas</c>.</summary>
    public int? CountFor(string processName) =>
        Counts.TryGetValue(processName, out var count) ? count : All;

    /// <summary>Parses <c>name=N[,name=N...]</c>; throws <see cref="ConfigurationException"/> listing every bad entry.</summary>
    public static Formation Parse(string text)
    {
        var errors = new ErrorCollector();
        var formation = Parse(text, errors);
        errors.ThrowIfAny();
        return formation;
    }

    internal static Formation Parse(string text, ErrorCollector errors)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int? all = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        foreach (var rawEntry in text.Split(','))
        {
            var entry = rawEntry.Trim();
            var equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                errors.Add(Source, $"`{entry}` is not NAME=COUNT (in `{text}`)");
                continue;
            }

            var name = entry[..equals].Trim();
            var countText = entry[(equals + 1)..].Trim();
            if (!int.TryParse(countText, System.Globalization.NumberStyles.None, null, out var count))
            {
                errors.Add(Source, $"`{entry}`: the count must be a whole number of 0 or more, got `{countText}`");
                continue;
            }

            if (count > ConfigurationLimits.MaximumReplicas)
            {
                var of = name == AllKeyword ? "each process" : $"process `{name}`";
                errors.Add(Source, $"`{entry}`: at most {ConfigurationLimits.MaximumReplicas} replicas of {of}, got {count}");
                count = ConfigurationLimits.MaximumReplicas;
            }

            if (name == AllKeyword)
            {
                if (all is not null)
                {
                    errors.Add(Source, $"`{AllKeyword}` is given twice in `{text}`");
                }

                all = count;
            }
            else if (!counts.TryAdd(name, count))
            {
                errors.Add(Source, $"`{name}` is given twice in `{text}`");
            }
        }

        return new Formation(counts, all);
    }
}
