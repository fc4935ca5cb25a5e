using ProcMan.Output;
using ProcMan.Supervision;

namespace ProcMan.Reporting;

/// <summary>
/// The exit summary for <c>--output json</c>: each instance's fields under their snake_case
/// names, handed to the JSON format as plain values (so the output path needs no supervisor type).
/// </summary>
internal static class SummaryJson
{
    public static SummaryDetails Details(IReadOnlyList<InstanceSnapshot> instances) =>
        new([.. instances.Select(Fields)]);

    public static IReadOnlyList<KeyValuePair<string, object?>> Fields(InstanceSnapshot instance) =>
    [
        new("name", instance.Name),
        new("pid", instance.Pid),
        new("state", instance.State.ToText()),
        new("exit_code", instance.ExitCode),
        new("signal", instance.Signal?.ToString()),
        new("ended_by", instance.ExitCode is null ? null : instance.Signal is null ? "exit" : "signal"),
        new("restarts", instance.Restarts),
        new("run_time_seconds", Math.Round(instance.RunTime.TotalSeconds, 3)),
        new("lines", instance.Lines),
        new("bytes", instance.Bytes),
    ];
}
