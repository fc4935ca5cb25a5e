namespace ProcMan.Configuration;

/// <summary>
/// Gathers problems while reading instead of throwing on the first, so a single load reports
/// everything that is wrong.
/// </summary>
internal sealed class ErrorCollector
{
    private readonly List<ConfigurationError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public void Add(ConfigurationError error) => _errors.Add(error);

    public void Add(SourcePosition at, string message) => _errors.Add(ConfigurationError.At(at, message));

    public void Add(string file, string message) => _errors.Add(new ConfigurationError(file, null, null, message));

    /// <summary>The most errors one report shows: a corrupt file can have millions of bad lines.</summary>
    public const int MaximumShown = 100;

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            var errors = InReadingOrder();
            if (errors.Count > MaximumShown)
            {
                var hidden = errors.Count - MaximumShown;
                errors = [.. errors.Take(MaximumShown), new ConfigurationError(errors[MaximumShown].File, null, null, $"{hidden} more errors not shown")];
            }

            throw new ConfigurationException(errors);
        }
    }

    /// <summary>
    /// Files in the order they were first blamed, then by position, so the report reads top to
    /// bottom even though some checks (unknown keys, say) run after others.
    /// </summary>
    private List<ConfigurationError> InReadingOrder()
    {
        var fileOrder = _errors.Select(e => e.File).Distinct().Select((file, index) => (file, index))
            .ToDictionary(x => x.file, x => x.index, StringComparer.Ordinal);
        return _errors
            .OrderBy(e => fileOrder[e.File])
            .ThenBy(e => e.Line ?? 0)
            .ThenBy(e => e.Column ?? 0)
            .ToList();
    }
}
