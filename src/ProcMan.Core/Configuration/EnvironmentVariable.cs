namespace ProcMan.Configuration;

/// <summary>A variable as written in a configuration or env file (declaration order is kept).</summary>
public sealed record EnvironmentVariable(string Name, string Value);
