using System.Text.Json.Serialization;

namespace ProcMan.Control;

/// <summary>One row of <c>procman ps</c>: a process instance as the supervisor sees it.</summary>
public sealed record ProcessStatus
{
    public required string Name { get; init; }

    /// <summary>The declared process it is an instance of.</summary>
    public required string Process { get; init; }

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
}
