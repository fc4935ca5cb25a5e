namespace ProcMan.Configuration;

/// <summary>Reads the top-level <c>log_level</c>.</summary>
internal static class YamlEventLevelReader
{
    private const string Key = "log_level";

    private static readonly Dictionary<string, EventLevel> Words = new(StringComparer.Ordinal)
    {
        ["trace"] = EventLevel.Trace,
        ["debug"] = EventLevel.Debug,
        ["info"] = EventLevel.Info,
        ["warn"] = EventLevel.Warn,
        ["error"] = EventLevel.Error,
        ["fatal"] = EventLevel.Fatal,

        // process-compose's zerolog has a level above fatal; ProcMan's most severe event is fatal.
        ["panic"] = EventLevel.Fatal,
    };

    /// <summary>The level written, or null when the key is absent (then <c>info</c>).</summary>
    public static EventLevel? Read(YamlMappingReader top) =>
        top.Choice(Key, Words.Keys) is { } word ? Words[word] : null;
}
