using ProcMan.Processes;

namespace ProcMan.Configuration;

/// <summary>
/// One process instance to start, with everything resolved: a process of the configuration
/// file, or one replica of it. The launcher runs exactly this and adds nothing.
/// </summary>
/// <param name="Name">The output prefix and identity: <c>web</c>, or <c>web.2</c> for a replica.</param>
/// <param name="Arguments">The argv to execute; a <c>command</c> becomes <c>/bin/sh -c COMMAND</c>.</param>
/// <param name="WorkingDirectory">An absolute directory.</param>
/// <param name="Environment">The child's complete environment (inherited variables included).</param>
internal sealed record ProcessSpec(
    string Name,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment) : IStartSpec
{
    /// <summary>The declaration this instance comes from; null for a spec built by hand.</summary>
    public ProcessDefinition? Definition { get; init; }

    /// <summary>1-based replica index (1 for a process that runs once).</summary>
    public int Replica { get; init; } = 1;

    /// <summary>
    /// The argv that runs a command line of this process (an exec probe, its <c>shutdown.command</c>)
    /// with the file's shell, as its own <c>command</c> is run.
    /// </summary>
    public IReadOnlyList<string> ShellArguments(string command) => (Definition?.Shell ?? ShellSettings.Default).Arguments(command);
}
