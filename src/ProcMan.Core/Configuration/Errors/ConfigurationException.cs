namespace ProcMan.Configuration;

/// <summary>
/// The configuration cannot be used. Carries every problem found, not just the first, so that
/// one run of <c>procman check</c> shows the user everything to fix.
/// </summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A configuration exception needs at least one error.", nameof(errors));
        }

        // One error per line, "\n" rather than Environment.NewLine: the text is compared in tests
        // and printed on POSIX terminals.
        return string.Join('\n', errors);
    }
}
