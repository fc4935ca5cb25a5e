namespace ProcMan.Configuration;

/// <summary>A readiness or liveness probe, with Kubernetes' timing keys and defaults.</summary>
/// <param name="Check">What one probe attempt does.</param>
/// <param name="InitialDelay"><c>initial_delay_seconds</c> (0): wait this long after the start before the first attempt.</param>
/// <param name="Period"><c>period_seconds</c> (10): time between attempts.</param>
/// <param name="Timeout"><c>timeout_seconds</c> (1): an attempt that takes longer fails.</param>
/// <param name="SuccessThreshold"><c>success_threshold</c> (1): consecutive successes that make the process ready/healthy.</param>
/// <param name="FailureThreshold"><c>failure_threshold</c> (3): consecutive failures that make it unhealthy.</param>
internal sealed record Probe(ProbeCheck Check, TimeSpan InitialDelay, TimeSpan Period, TimeSpan Timeout, int SuccessThreshold, int FailureThreshold)
{
    public static readonly TimeSpan DefaultInitialDelay = TimeSpan.Zero;
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);
    public const int DefaultSuccessThreshold = 1;
    public const int DefaultFailureThreshold = 3;
}

/// <summary>What one probe attempt does.</summary>
internal abstract record ProbeCheck;

/// <summary><c>exec: {command}</c>: succeeds when the command (run with <c>/bin/sh -c</c>, in the process's directory and environment) exits 0.</summary>
internal sealed record ExecProbeCheck(string Command) : ProbeCheck
{
    /// <summary>The probe's own <c>working_dir</c> (absolute), or null for the process's.</summary>
    public string? WorkingDirectory { get; init; }
}

/// <summary><c>http_get: {scheme, host, port, path, headers, status_code}</c>: succeeds on a 2xx or 3xx answer, or on <see cref="StatusCode"/>.</summary>
/// <param name="Port">A number or a variable of the instance's environment, resolved for each instance.</param>
internal sealed record HttpProbeCheck(string Scheme, string Host, ProbePort Port, string Path) : ProbeCheck
{
    public const string DefaultScheme = "http";
    public const string DefaultHost = "127.0.0.1";
    public const string DefaultPath = "/";

    /// <summary><c>status_code</c>: the one answer that counts as success; null means any 2xx or 3xx.</summary>
    public int? StatusCode { get; init; }

    /// <summary><c>headers</c>: sent with every request, in file order; null when none (so that records without them compare equal).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>The URL once the port is known.</summary>
    public Uri UriFor(int port) => new($"{Scheme}://{Host}:{port}{Path}");

    /// <summary>The URL as written, <c>${PORT}</c> and all, for humans.</summary>
    public string Text => $"{Scheme}://{Host}:{Port}{Path}";
}
