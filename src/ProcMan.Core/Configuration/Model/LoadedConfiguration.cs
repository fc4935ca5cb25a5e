namespace ProcMan.Configuration;

/// <summary>The result of <see cref="ProcfileLoader.Load"/>: the file as written and what to run.</summary>
/// <param name="Document">The configuration file as declared.</param>
/// <param name="Plans">One plan per declared process, in file order.</param>
/// <param name="TopLevelEnvironment">
/// The inherited environment with the top-level env files and <c>environment</c> applied: what
/// <c>procman run -- COMMAND</c> runs with.
/// </param>
internal sealed record LoadedConfiguration(ProcfileDocument Document, IReadOnlyList<ProcessPlan> Plans, IReadOnlyDictionary<string, string> TopLevelEnvironment)
{
    /// <summary>Every instance to start, in file order then replica order.</summary>
    public IReadOnlyList<ProcessSpec> Processes { get; } = Plans.SelectMany(plan => plan.Instances).ToList();
}
