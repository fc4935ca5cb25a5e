using System.Text.Json.Serialization;

namespace ProcMan.Control;

/// <summary>
/// One request on the control socket, one JSON object on one line, e.g.
/// <c>{"command":"stop","names":["web"]}</c>. See README.md, "Control socket".
/// </summary>
internal sealed record ControlRequest
{
    /// <summary>ps, stop, start, restart, logs, wait or down.</summary>
    public required string Command { get; init; }

    /// <summary>Processes or replicas; empty means all (ps, logs) or is an error (stop, start, restart, wait).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>stop, start, restart: the processes of these namespaces too (<c>--namespace</c>).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>logs: how many of the last lines of each process to send first.</summary>
    public int? Lines { get; init; }

    /// <summary>logs: go on sending new lines until the client or ProcMan goes away.</summary>
    public bool Follow { get; init; }

    /// <summary>wait: started, ready (the default) or completed.</summary>
    public string? For { get; init; }

    /// <summary>wait: give up after this many seconds (no limit when absent).</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>stop, restart, down: answer once asked, not once done.</summary>
    public bool NoWait { get; init; }
}

/// <summary>The answer: <c>{"ok":true,...}</c>, or <c>{"ok":false,"error":"..."}</c>.</summary>
internal sealed record ControlResponse
{
    public required bool Ok { get; init; }

    public string? Error { get; init; }

    /// <summary>ps: one row per instance.</summary>
    public IReadOnlyList<ProcessStatus>? Processes { get; init; }

    /// <summary>down: ProcMan's exit code, sent once it has stopped everything.</summary>
    public int? ExitCode { get; init; }

    /// <summary>logs: every output name in use, so a client pads prefixes as <c>up</c> does.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    public static ControlResponse Failure(string error) => new() { Ok = false, Error = error };

    public static readonly ControlResponse Success = new() { Ok = true };
}

/// <summary>The control socket's framing: one JSON value per line, both ways.</summary>
internal static class NdJson
{
    public static async Task WriteLineAsync<T>(Stream stream, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellation)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, type);
        await stream.WriteAsync(bytes, cancellation).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellation).ConfigureAwait(false);
    }
}

// No duplicate keys: with the last one winning, {"command":"ps","command":"down"} stopped the
// stack for whatever looked at the first.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
[JsonSerializable(typeof(ProcessStatus))]
[JsonSerializable(typeof(IReadOnlyList<ProcessStatus>))]
internal sealed partial class ControlJson : JsonSerializerContext;
