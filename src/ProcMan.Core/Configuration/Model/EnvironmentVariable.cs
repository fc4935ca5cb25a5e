namespace ProcMan.Configuration;

/// <summary>A variable as written in a configuration or env file (declaration order is kept).</summary>
internal sealed record EnvironmentVariable(string Name, string Value)
{
    /// <summary>
    /// Where it was written, for errors about its value that must not print the value (it may
    /// be a secret). Not part of equality: the same variable written elsewhere is the same.
    /// </summary>
    public SourcePosition? At { get; init; }

    public bool Equals(EnvironmentVariable? other) =>
        other is not null && Name == other.Name && Value == other.Value;

    public override int GetHashCode() => HashCode.Combine(Name, Value);
}
