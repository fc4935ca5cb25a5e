namespace ProcMan.Configuration;

/// <summary>
/// Every key of both dialects, ProcMan's and process-compose 1.122's, with what the loader does
/// with it. The loader's unknown-key report consults it, so that a key with no meaning for ProcMan
/// loads, and a key ProcMan does not support says why instead of "unknown key"; the README's key
/// table is rendered from it, so the two cannot disagree.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>The prefix of extension keys, which process-compose and Docker Compose both leave to their users.</summary>
    public const string ExtensionPrefix = "x-";

    private const string TerminalIssue = "it needs a terminal for the process, which comes with terminal support (issue 15)";
    private const string Later = "it comes in a later version";
    private const string FilledInByProcessCompose = "process-compose fills it in itself; a file does not set it";

    public static readonly IReadOnlyList<ConfigurationKey> All =
    [
        // Top level.
        Implemented(KeySection.TopLevel, "version", "The file format's version; any string is accepted", "none"),
        Implemented(KeySection.TopLevel, "processes", "The processes to run, by name", "required"),
        Implemented(KeySection.TopLevel, "environment", "Variables for every process: a mapping or a list of `KEY=VALUE`", "none"),
        Implemented(KeySection.TopLevel, "env_file", "`.env` files for every process, relative to the file", "`.env` beside the file", ProcessComposeSupport.ProcManOnly),
        Implemented(KeySection.TopLevel, "shutdown_timeout_seconds", "How long a stop waits for each process before SIGKILL", "5 (`up --timeout`)", ProcessComposeSupport.ProcManOnly),
        Implemented(KeySection.TopLevel, "log_location", "A file that gets every process's lines, relative to the file", "none"),
        Implemented(KeySection.TopLevel, "log_level", "ProcMan's own events shown: `trace`, `debug`, `info`, `warn`, `error`, `fatal` (`panic` is `fatal`); the processes' lines are never filtered", "`info`"),
        Implemented(KeySection.TopLevel, "log_length", "How many recent lines of each process `procman logs` keeps (1 to 1000000; their bytes are bounded too)", "1000"),
        Implemented(KeySection.TopLevel, "log_configuration", "How the top-level `log_location` file is written (see `log_configuration.*`)", "dated lines, appended, no rotation"),
        Implemented(KeySection.TopLevel, "shell", "The shell that runs `command`: `shell_command`, `shell_argument`", "`/bin/sh -c`; `bash -c` in a process-compose file when bash exists"),
        Implemented(KeySection.TopLevel, "vars", "Values for `{{.NAME}}` templates in every process (see process-compose files)", "none"),
        Implemented(KeySection.TopLevel, "disable_env_expansion", "`true`: no load-time `$VAR` expansion", "`false`"),
        Implemented(KeySection.TopLevel, "env_cmds", "Variables for every process from commands: `NAME: command`, run once by `up` and `run` before anything starts (not by `check`); the trimmed stdout is the value. A command that fails or takes over 10 s is an error", "none", ProcessComposeSupport.Differs),
        Implemented(KeySection.TopLevel, "is_dotenv_disabled", "`true`: the default `.env` is not read", "`false`"),
        Implemented(KeySection.TopLevel, "extends", "Another YAML file this one inherits (relative to this file): it is read first and this file merged over it, as if both were named with `-f`", "none"),
        Ignored(KeySection.TopLevel, "ordered_shutdown", "ProcMan always stops a process's dependents before it, and independent processes together: process-compose's `true`; `false` (all at once) is not offered, since a dependent stopped after its dependency loses it mid-work"),
        Ignored(KeySection.TopLevel, "is_strict", "ProcMan is always strict: every unknown key is an error"),
        Ignored(KeySection.TopLevel, "is_tui_disabled", "ProcMan has no TUI"),
        Ignored(KeySection.TopLevel, "log_format", "process-compose's format for its own log; ProcMan's events follow `--output`"),
        Ignored(KeySection.TopLevel, "mcp_server", "ProcMan has no MCP server; the processes it would serve are `disabled` and are not run"),

        // The top-level shell.
        Implemented(KeySection.Shell, "shell_command", "The shell program", "`/bin/sh`; `bash` in a process-compose file when bash exists"),
        Implemented(KeySection.Shell, "shell_argument", "The argument before the command line", "`-c`"),
        Ignored(KeySection.Shell, "elevated_shell_command", "only `is_elevated` uses it, which ProcMan refuses"),
        Ignored(KeySection.Shell, "elevated_shell_argument", "only `is_elevated` uses it, which ProcMan refuses"),

        // log_configuration, top level and per process.
        Implemented(KeySection.LogConfiguration, "rotation", "Roll the file over by size (see `rotation.*`); the file is appended to, as with process-compose's rotation", "none: the file grows"),
        Implemented(KeySection.LogConfiguration, "no_color", "`true`: ANSI escape sequences (colours, cursor moves) are removed from the lines in the file", "`false`"),
        Implemented(KeySection.LogConfiguration, "add_timestamp", "`false`: no date and time before each line in the file", "`true`: ProcMan dates every line; process-compose's default is `false`", ProcessComposeSupport.Differs),
        Implemented(KeySection.LogConfiguration, "timestamp_format", "The timestamp as a Go layout (`2006-01-02T15:04:05.000Z07:00`); a part .NET cannot write (`MST`, `_2`) is an error", "`2006-01-02 15:04:05.000` (local time)", ProcessComposeSupport.Differs),
        Implemented(KeySection.LogConfiguration, "flush_each_line", "`true`: each batch of lines read from a process reaches the file before the next is written", "`false`: written when the output runs quiet, and at least every 64 KiB"),
        Ignored(KeySection.LogConfiguration, "fields_order", "it orders process-compose's JSON fields; ProcMan's log file has one plain line per line of output"),
        Ignored(KeySection.LogConfiguration, "disable_json", "ProcMan's log file is plain text already"),
        Implemented(KeySection.LogConfiguration, "no_metadata", "`true`: no `name | ` before the lines, even in a file several processes share", "`false`"),
        Implemented(KeySection.LogRotation, "max_size_mb", "The size in MiB at which the file is renamed `NAME-2006-01-02T15-04-05.000.EXT` and a new one begun", "100"),
        Implemented(KeySection.LogRotation, "max_backups", "How many rolled-over files to keep, the newest; 0: all", "0"),
        Implemented(KeySection.LogRotation, "max_age_days", "Rolled-over files older than this many days are removed; 0: kept", "0"),
        Implemented(KeySection.LogRotation, "compress", "`true`: rolled-over files are gzipped (`.gz`), in the background", "`false`"),
        Ignored(KeySection.LogRotation, "directory", "`log_location` names the file"),
        Ignored(KeySection.LogRotation, "filename", "`log_location` names the file"),

        // Per process.
        Implemented(KeySection.Process, "command", "A shell line, run by the shell (`shell`)", "`command` or `entrypoint` is required"),
        Implemented(KeySection.Process, "entrypoint", "An argv run without a shell", "`command` or `entrypoint` is required"),
        Implemented(KeySection.Process, "working_dir", "The directory it runs in, relative to the file", "the file's directory"),
        Implemented(KeySection.Process, "environment", "Its variables: a mapping or a list of `KEY=VALUE` (`KEY` alone: from ProcMan's environment)", "none"),
        Implemented(KeySection.Process, "env_file", "Its `.env` files, relative to the file (one or a list)", "none"),
        Implemented(KeySection.Process, "replicas", "How many instances to run, named `web.1`, `web.2` (`web-0`, `web-1` in a process-compose file); a single one keeps the bare name", "1"),
        Implemented(KeySection.Process, "disabled", "`true`: not started by `up`", "`false`"),
        Implemented(KeySection.Process, "description", "Shown by `check`", "none"),
        Implemented(KeySection.Process, "depends_on", "Processes to wait for (all their replicas, or one replica by its name), each with a `condition`", "none"),
        Implemented(KeySection.Process, "ready_log_line", "Ready once a line containing this appears", "none"),
        Implemented(KeySection.Process, "readiness_probe", "A check that says when it is ready", "none"),
        Implemented(KeySection.Process, "liveness_probe", "A check that restarts it when it fails", "none"),
        Implemented(KeySection.Process, "availability", "When to restart it (see `availability.*`)", "never restarted"),
        Implemented(KeySection.Process, "success_exit_codes", "Exit codes besides 0 that count as success", "none"),
        Implemented(KeySection.Process, "shutdown", "How it is stopped (see `shutdown.*`)", "SIGTERM, then SIGKILL"),
        Implemented(KeySection.Process, "log_location", "A file that gets its lines, relative to the file", "none"),
        Implemented(KeySection.Process, "log_configuration", "How its `log_location` file is written (see `log_configuration.*`); the top level's does not apply to it", "dated lines, appended, no rotation"),
        Implemented(KeySection.Process, "truncate_log", "`true`: each start (and restart) clears its recent lines kept for `procman logs`; files are not touched", "`false`"),
        Implemented(KeySection.Process, "disable_ansi_colors", "`true`: ANSI escape sequences are removed from its output, on the console, in log files and in `procman logs`", "`false`"),
        Implemented(KeySection.Process, "namespace", "Its namespace: `up --namespace NS` starts only the processes of NS (repeatable), with what they depend on; `ps` shows it; `start`/`stop`/`restart --namespace NS` act on its processes", "`default`"),
        Implemented(KeySection.Process, "vars", "Values for its `{{.NAME}}` templates, over the top level's", "none"),
        Implemented(KeySection.Process, "is_template_disabled", "`true`: its `{{...}}` are left as written", "`false`"),
        Implemented(KeySection.Process, "is_daemon", "`true`: the command launches a daemon and exits; its successful exit is not an end: the process runs until it is stopped, by `shutdown.command` (or its signal, sent to what the launcher left)", "`false`"),
        Implemented(KeySection.Process, "launch_timeout_seconds", "How long a daemon's launcher may run before ProcMan warns that it is still launching; it is not failed for it (neither does process-compose)", "5 (0: the default)"),
        Ignored(KeySection.Process, "name", "a process's name is its key under `processes`"),
        Ignored(KeySection.Process, "monitor_for", "it notifies process-compose's TUI of activity or silence; ProcMan has no TUI"),
        Ignored(KeySection.Process, "monitor_silence_threshold", "it belongs to `monitor_for`, which ProcMan ignores"),
        Ignored(KeySection.Process, "mcp", "ProcMan has no MCP server; such a process is `disabled`, so ProcMan does not run it either"),
        NotYet(KeySection.Process, "is_tty", TerminalIssue),
        NotYet(KeySection.Process, "is_interactive", TerminalIssue),
        NotYet(KeySection.Process, "watch", Later),
        NotYet(KeySection.Process, "schedule", Later),
        Refused(KeySection.Process, "is_elevated", "ProcMan does not run sudo; run ProcMan itself with the rights the process needs"),
        Refused(KeySection.Process, "is_foreground", "it runs the process in process-compose's TUI on demand; ProcMan has no TUI: run it in a terminal of its own"),
        Refused(KeySection.Process, "is_disabled", "use `disabled: true` or `disabled: ${VAR}`"),
        Refused(KeySection.Process, "is_dotenv_disabled", "ProcMan reads `.env` for the whole file: use the top-level `is_dotenv_disabled`"),
        Refused(KeySection.Process, "extends", "ProcMan's `extends` is the top-level key that inherits another file; repeat the settings or use a YAML alias"),
        Refused(KeySection.Process, "original_config", FilledInByProcessCompose),
        Refused(KeySection.Process, "replica_num", FilledInByProcessCompose),
        Refused(KeySection.Process, "replica_name", FilledInByProcessCompose),
        Refused(KeySection.Process, "executable", FilledInByProcessCompose + "; use `entrypoint`"),
        Refused(KeySection.Process, "args", FilledInByProcessCompose + "; use `entrypoint`"),

        // availability.
        Implemented(KeySection.Availability, "restart", "`no`, `on_failure`, `always` or `exit_on_failure` (a failure stops everything)", "`no`"),
        Implemented(KeySection.Availability, "backoff_seconds", "The wait before a restart: doubling per consecutive failure up to 60 s; in a process-compose file the same wait each time, at least 1 s (0 means 1), as there", "1", ProcessComposeSupport.Differs),
        Implemented(KeySection.Availability, "max_restarts", "At most this many restarts; 0: no limit", "0"),
        Implemented(KeySection.Availability, "exit_on_end", "`true`: when it ends, everything stops", "`true` in a ProcMan file; `false` in a process-compose file, as there", ProcessComposeSupport.Differs),
        Implemented(KeySection.Availability, "exit_on_skipped", "`true`: when it is skipped (a dependency failed), everything stops with exit code 1", "`true`; `false` in a process-compose file", ProcessComposeSupport.Differs),

        // readiness_probe and liveness_probe.
        Implemented(KeySection.Probe, "exec", "Check by running a command (exit 0: success)", "`exec` or `http_get` is required"),
        Implemented(KeySection.Probe, "http_get", "Check with an HTTP GET (2xx or 3xx: success)", "`exec` or `http_get` is required"),
        Implemented(KeySection.Probe, "initial_delay_seconds", "The wait before the first check", "0"),
        Implemented(KeySection.Probe, "period_seconds", "The time between checks", "10"),
        Implemented(KeySection.Probe, "timeout_seconds", "How long one check may take", "1"),
        Implemented(KeySection.Probe, "success_threshold", "Successes in a row that make it pass", "1"),
        Implemented(KeySection.Probe, "failure_threshold", "Failures in a row that make it fail", "3"),
        Implemented(KeySection.ProbeExec, "command", "The shell line to run", "required"),
        Implemented(KeySection.ProbeExec, "working_dir", "The directory the probe's command runs in, relative to the file's directory; it must exist", "the process's `working_dir`"),
        Implemented(KeySection.ProbeHttpGet, "host", "The host to ask", "`127.0.0.1`"),
        Implemented(KeySection.ProbeHttpGet, "port", "The port, a number or a `$VAR`", "the process's `PORT`; in a process-compose file the scheme's (80, 443), as there"),
        Implemented(KeySection.ProbeHttpGet, "path", "The path to ask for", "`/`"),
        Implemented(KeySection.ProbeHttpGet, "scheme", "`http` or `https`", "`http`"),
        Implemented(KeySection.ProbeHttpGet, "headers", "Headers sent with every request: a mapping of names to values", "none"),
        Implemented(KeySection.ProbeHttpGet, "status_code", "The one answer that counts as success (100-599)", "any 2xx or 3xx", ProcessComposeSupport.Differs),
        Refused(KeySection.ProbeHttpGet, "num_port", FilledInByProcessCompose + "; use `port`"),

        // shutdown.
        Implemented(KeySection.Shutdown, "command", "A shell line that stops it, instead of a signal", "none"),
        Implemented(KeySection.Shutdown, "signal", "The signal that stops it, a name or a number", "`TERM`"),
        Implemented(KeySection.Shutdown, "timeout_seconds", "How long to wait before SIGKILL", "the top level's `shutdown_timeout_seconds`"),
        Implemented(KeySection.Shutdown, "parent_only", "`true`: the signal goes to the process alone, not its process group; what of the group outlives it then gets the signal, and SIGKILL after the timeout", "`false` (the group)", ProcessComposeSupport.Differs),
        NotYet(KeySection.Shutdown, "send_keys", TerminalIssue),

        // depends_on.NAME.
        Implemented(KeySection.Dependency, "condition", "`process_started`, `process_healthy`, `process_log_ready`, `process_completed` or `process_completed_successfully`", "`process_started`"),
    ];

    private static readonly Dictionary<(KeySection, string), ConfigurationKey> BySectionAndName =
        All.ToDictionary(key => (key.Section, key.Name));

    /// <summary>The key, or null when neither dialect has it.</summary>
    public static ConfigurationKey? Find(KeySection section, string name) =>
        BySectionAndName.GetValueOrDefault((section, name));

    /// <summary>Whether the loader may read <paramref name="name"/> in <paramref name="section"/>: it is implemented or ignored.</summary>
    public static bool IsAccepted(KeySection section, string name) =>
        IsIgnored(section, name) || Find(section, name)?.Status is KeyStatus.Implemented;

    /// <summary>Whether <paramref name="name"/> in <paramref name="section"/> loads without a read: an ignored key or an extension key.</summary>
    public static bool IsIgnored(KeySection section, string name) =>
        name.StartsWith(ExtensionPrefix, StringComparison.Ordinal) || Find(section, name)?.Status is KeyStatus.Ignored;

    /// <summary>The keys of <paramref name="section"/> with <paramref name="status"/>.</summary>
    public static IEnumerable<ConfigurationKey> In(KeySection section, KeyStatus status) =>
        All.Where(key => key.Section == section && key.Status == status);

    /// <summary>The one-line error for a key that is refused or not supported yet; null for any other key.</summary>
    public static string? RefusalOf(KeySection section, string name, string owner) => Find(section, name) switch
    {
        { Status: KeyStatus.NotYet, Meaning: var reason } => $"`{name}` {owner} is not supported yet: {reason}",
        { Status: KeyStatus.Refused, Meaning: var reason } => $"`{name}` {owner} is not supported: {reason}",
        _ => null,
    };

    /// <summary>Where a section's keys are written, for the key table.</summary>
    public static string PathOf(KeySection section) => section switch
    {
        KeySection.TopLevel => "",
        KeySection.Shell => "shell.",
        KeySection.LogConfiguration => "[processes.NAME.]log_configuration.",
        KeySection.LogRotation => "[processes.NAME.]log_configuration.rotation.",
        KeySection.Process => "processes.NAME.",
        KeySection.Availability => "processes.NAME.availability.",
        KeySection.Probe => "processes.NAME.readiness_probe|liveness_probe.",
        KeySection.ProbeExec => "processes.NAME.*_probe.exec.",
        KeySection.ProbeHttpGet => "processes.NAME.*_probe.http_get.",
        KeySection.Shutdown => "processes.NAME.shutdown.",
        KeySection.Dependency => "processes.NAME.depends_on.OTHER.",
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };

    private static ConfigurationKey Implemented(
        KeySection section, string name, string meaning, string @default, ProcessComposeSupport processCompose = ProcessComposeSupport.Same) =>
        new(section, name, KeyStatus.Implemented, meaning) { Default = @default, ProcessCompose = processCompose };

    private static ConfigurationKey Ignored(KeySection section, string name, string reason) =>
        new(section, name, KeyStatus.Ignored, reason);

    private static ConfigurationKey NotYet(KeySection section, string name, string reason) =>
        new(section, name, KeyStatus.NotYet, reason);

    private static ConfigurationKey Refused(KeySection section, string name, string reason) =>
        new(section, name, KeyStatus.Refused, reason);
}
