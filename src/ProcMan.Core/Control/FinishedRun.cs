using ProcMan.Supervision;

namespace ProcMan.Control;

/// <summary>How a <c>procman up</c> ended, for the <c>procman down</c> that waits for it: its exit code and every instance as it ended.</summary>
internal sealed record FinishedRun(int ExitCode, IReadOnlyList<InstanceSnapshot> Instances);
