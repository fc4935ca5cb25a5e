namespace ProcMan.Configuration;

/// <summary>"Did you mean ...?" for misspelt keys and names.</summary>
internal static class Suggestions
{
    /// <summary>Typos worth suggesting are one or two keystrokes away; further than that is a guess.</summary>
    private const int MaximumDistance = 2;

    /// <summary>The closest candidate within reach of a typo, or null.</summary>
    public static string? Closest(string misspelt, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: Distance(misspelt.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(x => x.distance <= MaximumDistance && x.distance < Math.Max(misspelt.Length, x.candidate.Length))
            .OrderBy(x => x.distance)
            .Select(x => x.candidate)
            .FirstOrDefault();

    /// <summary>"; did you mean `X`?" or nothing, ready to append to a message.</summary>
    public static string DidYouMean(string misspelt, IEnumerable<string> candidates) =>
        Closest(misspelt, candidates) is { } suggestion ? $"; did you mean `{suggestion}`?" : string.Empty;

    /// <summary>
    /// Optimal string alignment distance: Levenshtein plus swapping two neighbours as one edit,
    /// the commonest typo (`TREM` for `TERM`), which plain Levenshtein counts as two.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
