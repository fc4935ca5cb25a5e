namespace ProcMan.Configuration;

/// <summary>
/// Reads a <c>log_configuration</c> (top level or a process's): the settings of the
/// <c>log_location</c> file beside it. The keys about process-compose's JSON log
/// (<c>fields_order</c>, <c>disable_json</c>) load without effect, as the registry says.
/// </summary>
internal static class YamlLogConfigurationReader
{
    public const string Key = "log_configuration";

    /// <summary>lumberjack counts in megabytes; more than a terabyte is a typo.</summary>
    private const int MaximumMegabytes = 1024 * 1024;

    /// <summary>The settings, or null when the key is absent.</summary>
    public static LogSettings? Read(YamlMappingReader owner)
    {
        if (owner.Mapping(Key) is not { } configuration)
        {
            return null;
        }

        var rotation = Rotation(configuration);
        var noColor = configuration.Boolean("no_color") ?? false;
        var addTimestamp = configuration.Boolean("add_timestamp");
        var pattern = TimestampPattern(configuration);
        var flushEachLine = configuration.Boolean("flush_each_line") ?? false;
        var noMetadata = configuration.Boolean("no_metadata") ?? false;
        configuration.ReportUnknownKeys(KeySection.LogConfiguration);

        return new LogSettings
        {
            Rotation = rotation,
            NoColor = noColor,
            Timestamps = addTimestamp ?? true,
            TimestampPattern = pattern,
            FlushEachLine = flushEachLine,
            NoMetadata = noMetadata,
        };
    }

    private static string? TimestampPattern(YamlMappingReader configuration)
    {
        if (configuration.String("timestamp_format") is not { } layout)
        {
            return null;
        }

        if (GoTimeLayout.ToDotNet(layout, out var problem) is { } pattern)
        {
            return pattern;
        }

        configuration.Report(configuration.PositionOfValue("timestamp_format")!, $"`timestamp_format` {configuration.Owner}: `{layout}` {problem}");
        return null;
    }

    private static LogRotation? Rotation(YamlMappingReader configuration)
    {
        if (configuration.Mapping("rotation") is not { } rotation)
        {
            return null;
        }

        var megabytes = rotation.Integer("max_size_mb", minimum: 0, maximum: MaximumMegabytes) ?? 0;
        var backups = rotation.Integer("max_backups", minimum: 0) ?? 0;
        var days = rotation.Integer("max_age_days", minimum: 0) ?? 0;
        var compress = rotation.Boolean("compress") ?? false;
        rotation.ReportUnknownKeys(KeySection.LogRotation);

        // As in lumberjack, 0 (or nothing) is its default size, not "rotate before every line".
        var size = (megabytes == 0 ? LogRotation.DefaultMaxSizeMegabytes : megabytes) * LogRotation.BytesPerMegabyte;
        return new LogRotation(size, backups, days, compress);
    }
}
