namespace ProcMan.Configuration;

/// <summary>One <c>depends_on</c> entry: wait for <paramref name="Target"/> (all its replicas, or <see cref="Replica"/>) to meet <paramref name="Condition"/>.</summary>
/// <param name="DeclaredAt">Where the target's name is written, for errors about it.</param>
internal sealed record Dependency(string Target, DependencyCondition Condition, SourcePosition DeclaredAt)
{
    /// <summary>
    /// The 1-based replica of <see cref="Target"/> waited for, when the entry names one replica
    /// (<c>web.2</c>, or <c>web-1</c> in a process-compose file); null for all of them.
    /// </summary>
    public int? Replica { get; init; }

    /// <summary>The name as written: <see cref="Target"/>, or the replica's name.</summary>
    public string WrittenTarget { get; init; } = Target;
}
