using ProcMan.Configuration;

namespace ProcMan.Supervision;

/// <summary>The answer to a control request naming processes that do not run here, with the closest ones that do.</summary>
internal static class UnknownNames
{
    /// <summary>"no process named wbe; did you mean `web`?"</summary>
    public static string Message(IReadOnlyList<string> unknown, IEnumerable<string> known)
    {
        var candidates = known.Distinct().ToList();
        if (unknown.Count == 1)
            return $"no process named {unknown[0]}{Suggestions.DidYouMean(unknown[0], candidates)}";
        var suggestions = unknown
            .Select(name => (name, closest: Suggestions.Closest(name, candidates)))
            .Where(x => x.closest is not null)
            .Select(x => $"`{x.closest}` for {x.name}")
            .ToList();
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "";
        return $"no process named {string.Join(", ", unknown)}{hint}";
    }
}
