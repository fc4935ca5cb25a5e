namespace ProcMan.Configuration;

/// <summary>Reads what happens when a process exits: <c>availability</c> and <c>success_exit_codes</c>.</summary>
internal static class YamlAvailabilityReader
{
    private const string Key = "availability";

    private static readonly Dictionary<string, RestartPolicy> Policies = new(StringComparer.Ordinal)
    {
        // `no` arrives as the plain scalar "no": the representation model does not apply YAML
        // 1.1's booleans, so `restart: no` reads as written, like docker compose's.
        ["no"] = RestartPolicy.No,
        ["on_failure"] = RestartPolicy.OnFailure,
        ["always"] = RestartPolicy.Always,
        ["exit_on_failure"] = RestartPolicy.ExitOnFailure,
    };

    public static string NameOf(RestartPolicy policy) => Policies.First(entry => entry.Value == policy).Key;

    /// <summary>
    /// The settings, with <see cref="Availability.ExitOnEnd"/> provisionally true, and the
    /// <c>exit_on_end</c> written in the file, if any: its default depends on the other
    /// processes and is resolved by <see cref="DependencyGraph"/>.
    /// </summary>
    public static (Availability Availability, bool? WrittenExitOnEnd) Read(YamlMappingReader process)
    {
        if (process.Mapping(Key) is not { } availability)
        {
            return (Availability.Default, null);
        }

        var restart = availability.Choice("restart", Policies.Keys.ToList()) is { } policy ? Policies[policy] : RestartPolicy.No;
        var backoff = availability.Seconds("backoff_seconds", zeroAllowed: true) ?? Availability.DefaultBackoff;
        var maxRestarts = availability.Integer("max_restarts", minimum: 0) ?? 0;
        var exitOnEnd = availability.Boolean("exit_on_end");
        var exitOnSkipped = availability.Boolean("exit_on_skipped");
        availability.ReportUnknownKeys(KeySection.Availability);
        return (new Availability(restart, backoff, maxRestarts, exitOnEnd ?? true)
        {
            ExitOnSkipped = exitOnSkipped ?? true,
            ExitOnSkippedWritten = exitOnSkipped is not null,
            ZeroBackoffAt = backoff == TimeSpan.Zero ? availability.PositionOfValue("backoff_seconds") : null,
        }, exitOnEnd);
    }

    /// <summary><c>success_exit_codes</c>: exit codes are 0-255 on Unix.</summary>
    public static IReadOnlyList<int> SuccessExitCodes(YamlMappingReader process) =>
        process.IntegerList("success_exit_codes", minimum: 0, maximum: 255)?.Distinct().ToList() ?? [];
}
