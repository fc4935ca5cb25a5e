using ProcMan.Processes;
namespace ProcMan.Configuration;

/// <summary>
/// A process as the configuration file declares it, before replicas, formation and environment
/// resolution turn it into the <see cref="ProcessSpec"/>s that are started.
/// </summary>
/// <param name="Name">The name, which is also the output prefix.</param>
/// <param name="Index">0-based position in the file; ports derive from it, so it counts every process.</param>
/// <param name="Command">The shell command (run with <c>/bin/sh -c</c>), or null when <paramref name="Entrypoint"/> is used.</param>
/// <param name="Entrypoint">The argv run without a shell, or null when <paramref name="Command"/> is used.</param>
/// <param name="WorkingDirectory">Absolute; defaults to the configuration file's directory.</param>
/// <param name="Environment">The process's own <c>environment</c> entries, in file order.</param>
/// <param name="EnvFiles">The process's own <c>env_file</c> entries, in file order.</param>
/// <param name="Replicas">How many copies the file asks for (the formation may override it).</param>
/// <param name="Disabled">Listed but never started.</param>
/// <param name="Description">Free text for humans.</param>
/// <param name="DeclaredAt">Where the process's name is written.</param>
internal sealed record ProcessDefinition(
    string Name,
    int Index,
    string? Command,
    IReadOnlyList<string>? Entrypoint,
    string WorkingDirectory,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyList<EnvFileReference> EnvFiles,
    int Replicas,
    bool Disabled,
    string? Description,
    SourcePosition DeclaredAt)
{
    /// <summary><c>depends_on</c>: what must hold before this process starts.</summary>
    public IReadOnlyList<Dependency> DependsOn { get; init; } = [];

    /// <summary><c>ready_log_line</c>: a substring of an output line that means "ready".</summary>
    public string? ReadyLogLine { get; init; }

    /// <summary><c>readiness_probe</c>.</summary>
    public Probe? ReadinessProbe { get; init; }

    /// <summary><c>liveness_probe</c>: failing it restarts the process under its restart policy.</summary>
    public Probe? LivenessProbe { get; init; }

    /// <summary><c>availability</c>, with the <c>exit_on_end</c> default resolved.</summary>
    public Availability Availability { get; init; } = Availability.Default;

    /// <summary>
    /// <c>availability.exit_on_end</c> as written (null when absent), kept until the loader
    /// resolves <see cref="Availability"/>'s default, which depends on the other processes.
    /// </summary>
    internal bool? WrittenExitOnEnd { get; init; }

    /// <summary><c>success_exit_codes</c>: codes that count as success besides 0.</summary>
    public IReadOnlyList<int> SuccessExitCodes { get; init; } = [];

    /// <summary><c>shutdown</c>.</summary>
    public ShutdownSettings Shutdown { get; init; } = ShutdownSettings.Default;

    /// <summary><c>log_location</c> (absolute): a file that gets this process's lines too.</summary>
    public string? LogLocation { get; init; }

    /// <summary><c>log_configuration</c>: how its <c>log_location</c> file is written.</summary>
    public LogSettings LogSettings { get; init; } = LogSettings.Default;

    /// <summary><c>truncate_log</c>: each start clears its recent lines (<c>procman logs</c>), as process-compose clears its log view.</summary>
    public bool TruncateLog { get; init; }

    /// <summary><c>disable_ansi_colors</c>: ANSI escape sequences are removed from its output, wherever it goes.</summary>
    public bool DisableAnsiColors { get; init; }

    /// <summary><c>namespace</c>: the group <c>up --namespace</c> selects by.</summary>
    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>process-compose's namespace for a process that names none.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>The files that wrote this process, in merge order, with the keys each wrote; empty for a single file.</summary>
    public IReadOnlyList<ProcessSource> Sources { get; init; } = [];

    /// <summary>
    /// The process as replica N (0-based) reads, for a process whose templates use
    /// <c>{{.PC_REPLICA_NUM}}</c>; null when every replica reads the same.
    /// </summary>
    public Func<int, ProcessDefinition>? ForReplicaNumber { get; init; }

    /// <summary>The shell a <c>command</c> is run with (the top-level <c>shell</c>, or the dialect's default).</summary>
    public ShellSettings Shell { get; init; } = ShellSettings.Default;

    /// <summary>
    /// <c>is_daemon</c>: the command launches a daemon and exits; its successful exit is not an
    /// end: the process runs on until it is stopped (with <c>shutdown.command</c>, or its signal).
    /// </summary>
    public bool IsDaemon { get; init; }

    /// <summary>
    /// <c>launch_timeout_seconds</c>: how long a daemon's launcher may run before ProcMan warns that
    /// it is still launching (it is not failed for it, as in process-compose).
    /// </summary>
    public TimeSpan LaunchTimeout { get; init; } = DefaultLaunchTimeout;

    /// <summary>process-compose's <c>launch_timeout_seconds</c> when it is absent or 0.</summary>
    public static readonly TimeSpan DefaultLaunchTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="exitCode"/> counts as a successful end.</summary>
    public bool IsSuccess(int exitCode) => exitCode == 0 || SuccessExitCodes.Contains(exitCode);

    /// <summary>The argv to execute: the entrypoint as is, or the command through <see cref="Shell"/>.</summary>
    public IReadOnlyList<string> Arguments =>
        Entrypoint ?? Shell.Arguments(Command ?? string.Empty);

    /// <summary>What to show a human: the command text, or the entrypoint joined with spaces.</summary>
    public string DisplayCommand => Command ?? string.Join(' ', Entrypoint ?? []);
}
