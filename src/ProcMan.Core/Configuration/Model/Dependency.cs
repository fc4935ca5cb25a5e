namespace ProcMan.Configuration;

/// <summary>One <c>depends_on</c> entry: wait for <paramref name="Target"/> (all its replicas) to meet <paramref name="Condition"/>.</summary>
/// <param name="DeclaredAt">Where the target's name is written, for errors about it.</param>
internal sealed record Dependency(string Target, DependencyCondition Condition, SourcePosition DeclaredAt);
