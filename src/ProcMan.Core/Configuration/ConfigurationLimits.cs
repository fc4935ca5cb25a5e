namespace ProcMan.Configuration;

/// <summary>
/// The bounds on what a configuration may ask for. Each is far above any real file, and each
/// keeps a hostile or corrupt one from exhausting the stack, the memory or the port range
/// before it is reported (README, "Limits").
/// </summary>
internal static class ConfigurationLimits
{
    /// <summary>The largest configuration file or env file read, in bytes (4 MiB).</summary>
    public const int MaximumFileBytes = 4 * 1024 * 1024;

    /// <summary>How deeply YAML mappings and lists may nest; the loader recurses once per level.</summary>
    public const int MaximumNestingDepth = 64;

    /// <summary>
    /// The most characters a document may stand for once every alias is replaced by what it
    /// names (16 Mi), and the most the values of one env file may add up to once expanded.
    /// </summary>
    public const int MaximumExpandedCharacters = 16 * 1024 * 1024;

    /// <summary>The most replicas of one process, from <c>replicas</c> or the formation.</summary>
    public const int MaximumReplicas = 1000;

    /// <summary>Recent lines kept per process for <c>procman logs</c> (<c>log_length</c>); their bytes are bounded apart.</summary>
    public const int MaximumLogLength = 1_000_000;

    /// <summary>The most instances all processes together may start.</summary>
    public const int MaximumInstances = 10000;

    /// <summary>The most processes a file may declare.</summary>
    public const int MaximumProcesses = 10000;

    /// <summary>The highest TCP/UDP port number, the last a process may be given.</summary>
    public const int MaximumPort = 65535;
}
