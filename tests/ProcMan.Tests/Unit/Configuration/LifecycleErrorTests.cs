using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class LifecycleErrorTests : IDisposable
{
    /// <summary>Two processes on lines 1-5; each case appends keys to <c>web</c> from line 6, column 5.</summary>
    private const string Header = "processes:\n  db:\n    command: postgres\n  web:\n    command: serve\n";

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    // Unknown keys, with suggestions, at every level.
    [InlineData("    ready_log_lne: up\n", "unknown key `ready_log_lne` in process `web`; did you mean `ready_log_line`?", 6, 5)]
    [InlineData("    depend_on: [db]\n", "did you mean `depends_on`?", 6, 5)]
    [InlineData("    readiness_probe:\n      exec: {command: x}\n      period: 1\n", "unknown key `period` in `readiness_probe` of process `web`", 8, 7)]
    [InlineData("    readiness_probe:\n      http_get: {port: 1, hots: a}\n", "unknown key `hots` in `readiness_probe.http_get` of process `web`; did you mean `host`?", 7, 27)]
    [InlineData("    availability: {restrat: always}\n", "unknown key `restrat` in `availability` of process `web`; did you mean `restart`?", 6, 20)]
    [InlineData("    shutdown: {signl: INT}\n", "did you mean `signal`?", 6, 16)]
    [InlineData("    depends_on:\n      db: {conditon: process_started}\n", "unknown key `conditon` in `depends_on.db` of process `web`; did you mean `condition`?", 7, 12)]
    // depends_on
    [InlineData("    depends_on: db\n", "`depends_on` in process `web`: expected a mapping of process names", 6, 17)]
    [InlineData("    depends_on:\n      db: process_healthy\n", "`depends_on.db` in process `web`: expected a mapping (`{condition: process_healthy}`), got `process_healthy`", 7, 11)]
    [InlineData("    depends_on:\n      db: {condition: process_healty}\n", "expected one of `process_started`, `process_healthy`, `process_log_ready`, `process_completed`, `process_completed_successfully`, got `process_healty`; did you mean `process_healthy`?", 7, 23)]
    [InlineData("    depends_on:\n      dbb: {}\n", "process `web` depends on unknown process `dbb`; did you mean `db`?", 7, 7)]
    [InlineData("    depends_on: [db, api]\n", "process `web` depends on unknown process `api`", 6, 22)]
    [InlineData("    depends_on: [db, db]\n", "`depends_on` in process `web`: `db` is listed twice", 6, 22)]
    [InlineData("    depends_on: [web]\n", "process `web` depends on itself", 6, 18)]
    [InlineData("    depends_on:\n      db: {condition: process_healthy}\n", "process `web` waits for `db` to be healthy (process_healthy), but `db` has no `readiness_probe` or `ready_log_line`", 7, 7)]
    [InlineData("    depends_on:\n      db: {condition: process_log_ready}\n", "but `db` has no `ready_log_line`", 7, 7)]
    // ready_log_line
    [InlineData("    ready_log_line: [a]\n", "`ready_log_line` in process `web`: expected a string, got a list", 6, 21)]
    [InlineData("    ready_log_line: \"\"\n", "`ready_log_line` in process `web` is empty", 6, 21)]
    // probes
    [InlineData("    readiness_probe: yes\n", "`readiness_probe` in process `web`: expected a mapping, got `yes`", 6, 22)]
    [InlineData("    liveness_probe: {period_seconds: 5}\n", "`liveness_probe` in process `web` needs a check: `exec: {command: ...}` or `http_get: {port: ...}`", 6, 21)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      http_get: {port: 80}\n", "`readiness_probe` in process `web` has both `exec` and `http_get`", 8, 17)]
    [InlineData("    readiness_probe:\n      exec: pg_isready\n", "`exec` in `readiness_probe` of process `web`: expected a mapping (`{command: ...}`), got `pg_isready`", 7, 13)]
    [InlineData("    readiness_probe:\n      exec: {}\n", "missing `command` in `readiness_probe.exec` of process `web`", 7, 13)]
    [InlineData("    readiness_probe:\n      exec: {command: \" \"}\n", "`command` in `readiness_probe.exec` of process `web` is empty", 7, 23)]
    [InlineData("    readiness_probe:\n      http_get: {port: 0}\n", "`port` in `readiness_probe.http_get` of process `web` must be between 1 and 65535, got 0", 7, 24)]
    [InlineData("    readiness_probe:\n      http_get: {port: http}\n", "`port` in `readiness_probe.http_get` of process `web`: expected a port number (1-65535) or a variable (`$PORT`, `${PORT}`), got `http`", 7, 24)]
    [InlineData("    readiness_probe:\n      http_get: {port: 80, scheme: htps}\n", "expected one of `http`, `https`, got `htps`; did you mean `https`?", 7, 36)]
    [InlineData("    readiness_probe:\n      http_get: {port: 80, path: health}\n", "`path` in `readiness_probe.http_get` of process `web` must start with `/`, got `health`", 7, 34)]
    [InlineData("    readiness_probe:\n      http_get: {port: 80, host: \"::1\"}\n", "do not make a valid URL: `http://::1:80/` (an IPv6 address needs brackets: `[::1]`)", 7, 17)]
    [InlineData("    readiness_probe:\n      http_get: {port: 80, host: \"a b\"}\n", "`host` in `readiness_probe.http_get` of process `web` must be a host name or address, got `a b`", 7, 34)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      period_seconds: 0\n", "`period_seconds` in `readiness_probe` of process `web` must be more than 0, got 0", 8, 23)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      timeout_seconds: -1\n", "`timeout_seconds` in `readiness_probe` of process `web` must be more than 0, got -1", 8, 24)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      initial_delay_seconds: -0.5\n", "`initial_delay_seconds` in `readiness_probe` of process `web` must be 0 or more, got -0.5", 8, 30)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      initial_delay_seconds: soon\n", "expected a number of seconds, got `soon`", 8, 30)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      period_seconds: .inf\n", "expected a number of seconds, got `.inf`", 8, 23)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      period_seconds: 3000000\n", "must be at most 2147483 (about 24 days)", 8, 23)]
    [InlineData("    readiness_probe:\n      exec: {command: a}\n      success_threshold: 0\n", "`success_threshold` in `readiness_probe` of process `web` must be 1 or more, got 0", 8, 26)]
    [InlineData("    liveness_probe:\n      exec: {command: a}\n      failure_threshold: 1.5\n", "`failure_threshold` in `liveness_probe` of process `web`: expected a whole number, got `1.5`", 8, 26)]
    // availability
    [InlineData("    availability: always\n", "`availability` in process `web`: expected a mapping, got `always`", 6, 19)]
    [InlineData("    availability: {restart: on_falure}\n", "`restart` in `availability` of process `web`: expected one of `no`, `on_failure`, `always`, `exit_on_failure`, got `on_falure`; did you mean `on_failure`?", 6, 29)]
    [InlineData("    availability: {restart: on-failure}\n", "did you mean `on_failure`?", 6, 29)]
    [InlineData("    availability: {restart: false}\n", "got `false`", 6, 29)]
    [InlineData("    availability: {backoff_seconds: 0}\n", "`backoff_seconds` in `availability` of process `web` must be more than 0, got 0", 6, 37)]
    [InlineData("    availability: {max_restarts: -1}\n", "`max_restarts` in `availability` of process `web` must be 0 or more, got -1", 6, 34)]
    [InlineData("    availability: {exit_on_end: no}\n", "`exit_on_end` in `availability` of process `web`: expected true or false, got `no`", 6, 33)]
    // success_exit_codes
    [InlineData("    success_exit_codes: 3\n", "`success_exit_codes` in process `web`: expected a list of whole numbers, got `3`", 6, 25)]
    [InlineData("    success_exit_codes: [1, 256]\n", "`success_exit_codes` in process `web`: each entry must be between 0 and 255, got 256", 6, 29)]
    [InlineData("    success_exit_codes: [1, two]\n", "`success_exit_codes` in process `web`: expected a whole number, got `two`", 6, 29)]
    // shutdown
    [InlineData("    shutdown: TERM\n", "`shutdown` in process `web`: expected a mapping, got `TERM`", 6, 15)]
    [InlineData("    shutdown: {signal: TREM}\n", "`signal` in `shutdown` of process `web`: `TREM` is not a signal: use a name such as TERM, INT or QUIT, or a number from 1 to 64; did you mean `TERM`?", 6, 24)]
    [InlineData("    shutdown: {signal: SIGKILLL}\n", "did you mean `KILL`?", 6, 24)]
    [InlineData("    shutdown: {signal: 65}\n", "`65` is not a signal", 6, 24)]
    [InlineData("    shutdown: {signal: 0}\n", "`0` is not a signal", 6, 24)]
    [InlineData("    shutdown: {timeout_seconds: -3}\n", "`timeout_seconds` in `shutdown` of process `web` must be 0 or more, got -3", 6, 33)]
    [InlineData("    shutdown: {command: \"\"}\n", "`command` in `shutdown` of process `web` is empty", 6, 25)]
    public void I_get_the_message_line_and_column_of_each_lifecycle_mistake(string webKeys, string message, int line, int column)
    {
        var path = _directory.Write("procman.yaml", Header + webKeys);

        var errors = Load.Errors(path);

        errors.Should().Contain(
            e => e.Message.Contains(message) && e.Line == line && e.Column == column && e.File == path,
            $"the errors were:\n{string.Join('\n', errors)}");
    }

    [Theory]
    [InlineData("shutdown_timeout_seconds: -1\n", "`shutdown_timeout_seconds` at the top level must be 0 or more, got -1", 1, 27)]
    [InlineData("shutdown_timeout_seconds: ten\n", "`shutdown_timeout_seconds` at the top level: expected a number of seconds, got `ten`", 1, 27)]
    [InlineData("shutdown_timout_seconds: 1\n", "unknown key `shutdown_timout_seconds` at the top level; did you mean `shutdown_timeout_seconds`?", 1, 1)]
    public void I_get_the_position_of_a_bad_top_level_shutdown_timeout(string line, string message, int lineNumber, int column)
    {
        var path = _directory.Write("procman.yaml", line + Header);

        Load.Errors(path).Should().Contain(e => e.Message.Contains(message) && e.Line == lineNumber && e.Column == column);
    }

    [Fact]
    public void A_broken_probe_is_reported_once_not_again_by_the_process_waiting_for_it()
    {
        var path = _directory.Write("procman.yaml", """
            processes:
              db:
                command: postgres
                readiness_probe: {period_seconds: 1}
              web:
                command: serve
                depends_on: {db: {condition: process_healthy}}
            """);

        Load.Errors(path).Select(e => e.ToString()).Should().Equal(
            $"{path}:4:22: `readiness_probe` in process `db` needs a check: `exec: {{command: ...}}` or `http_get: {{port: ...}}`");
    }

    [Fact]
    public void I_see_every_lifecycle_mistake_of_a_file_at_once()
    {
        var path = _directory.Write("procman.yaml", """
            processes:
              web:
                command: serve
                depends_on: {ghost: {condition: process_started}}
                availability: {restart: sometimes}
                shutdown: {signal: NOPE, timeout_seconds: -1}
            """);

        Load.Errors(path).Select(e => (e.Line, e.Column)).Should().Equal((4, 18), (5, 29), (6, 24), (6, 47));
    }
}
