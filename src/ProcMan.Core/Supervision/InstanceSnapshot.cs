using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision;

/// <summary>
/// One process instance as the supervisor sees it at one moment: the one projection its
/// readers get (the control socket's <c>ps</c>, the exit summary), each rendering it its way.
/// </summary>
internal sealed record InstanceSnapshot
{
    /// <summary>The instance name (<c>web</c>, <c>web.2</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The declared process it is an instance of.</summary>
    public required string Process { get; init; }

    /// <summary>Its process's <c>namespace</c>.</summary>
    public string Namespace { get; init; } = ProcessDefinition.DefaultNamespace;

    public required ProcessState State { get; init; }

    /// <summary>Of its current or last run; null if it never started.</summary>
    public int? Pid { get; init; }

    /// <summary>How long its current run has run; null when it has no child up (running, ready or stopping).</summary>
    public TimeSpan? Uptime { get; init; }

    /// <summary>How many times it was started again, by its policy or on request.</summary>
    public int Restarts { get; init; }

    /// <summary>Of its last run, as a shell reports it (128 + N for signal N); null if it never exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The signal that killed its last run, if one did (not a plain exit with a code above 128).</summary>
    public UnixSignal? Signal { get; init; }

    /// <summary>Ready by its probe or ready line; for a process with neither, running counts as ready.</summary>
    public bool Ready { get; init; }

    /// <summary>The total time its runs ran (those that have exited).</summary>
    public TimeSpan RunTime { get; init; }

    /// <summary>Lines it wrote, over all runs, both streams.</summary>
    public long Lines { get; init; }

    /// <summary>Bytes of those lines, newlines included.</summary>
    public long Bytes { get; init; }
}
