using System.Text.Json.Serialization;
using ProcMan.Configuration;
using ProcMan.Supervision;

namespace ProcMan.Control;

/// <summary>One row of <c>procman ps</c> on the wire: a process instance as the supervisor sees it.</summary>
internal sealed record ProcessStatus
{
    public required string Name { get; init; }

    /// <summary>The declared process it is an instance of.</summary>
    public required string Process { get; init; }

    /// <summary>Its process's <c>namespace</c>, <c>default</c> when the file names none.</summary>
    public string Namespace { get; init; } = ProcessDefinition.DefaultNamespace;

    /// <summary>waiting, running, ready, restarting, stopping, completed, failed, skipped or stopped.</summary>
    public required string State { get; init; }

    public int? Pid { get; init; }

    /// <summary>Seconds since the current run started; null when not running.</summary>
    public double? UptimeSeconds { get; init; }

    public int Restarts { get; init; }

    [JsonPropertyName("exit_code")]
    public int? LastExitCode { get; init; }

    /// <summary>Ready by its probe or ready line; for a process with neither, running counts as ready.</summary>
    public bool Ready { get; init; }

    public long Lines { get; init; }

    public long Bytes { get; init; }

    /// <summary>The snapshot as the protocol sends it: states by name, the uptime in seconds to the millisecond.</summary>
    public static ProcessStatus From(InstanceSnapshot snapshot) => new()
    {
        Name = snapshot.Name,
        Process = snapshot.Process,
        Namespace = snapshot.Namespace,
        State = snapshot.State.ToText(),
        Pid = snapshot.Pid,
        UptimeSeconds = snapshot.Uptime is { } uptime ? Math.Round(uptime.TotalSeconds, 3) : null,
        Restarts = snapshot.Restarts,
        LastExitCode = snapshot.ExitCode,
        Ready = snapshot.Ready,
        Lines = snapshot.Lines,
        Bytes = snapshot.Bytes,
    };
}
