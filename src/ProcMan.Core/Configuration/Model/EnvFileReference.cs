namespace ProcMan.Configuration;

/// <summary>An env file to read.</summary>
/// <param name="Path">The path to open, relative to the current directory or absolute, as shown in errors.</param>
/// <param name="NamedAt">
/// Where the configuration names it, so a missing file is reported there; null for a file
/// named on the command line or for the default <c>.env</c>.
/// </param>
internal sealed record EnvFileReference(string Path, SourcePosition? NamedAt);
