using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class LifecycleSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_dependent_start_only_after_its_target_printed_its_ready_line()
    {
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: echo "web up"; exec sleep 300
                depends_on:
                  db:
                    condition: process_log_ready
              db:
                command: echo warming up; sleep 0.3; echo "db is ready now"; exec sleep 300
                ready_log_line: is ready
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line.EndsWith("| web up", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().Contain("procman | web is waiting for db (process_log_ready)");
        procman.Lines.Should().ContainInOrder(
            "procman | db started with pid " + procman.PidOf("db"),
            "db      | db is ready now",
            "procman | db is ready (printed its ready_log_line)",
            "procman | web started with pid " + procman.PidOf("web"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_depend_on_a_process_being_started_by_default()
    {
        _directory.Write("procfile.yml", """
            processes:
              web:
                command: echo "web up"; exec sleep 300
                depends_on:
                  db: {}
              db:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line.EndsWith("| web up", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);

        await procman.WaitForExitAsync();
        procman.Lines.Should().ContainInOrder(
            "procman | db started with pid " + procman.PidOf("db"),
            "procman | web started with pid " + procman.PidOf("web"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_a_one_shot_migration_before_the_server_and_keep_the_server_running()
    {
        _directory.Write("procfile.yml", """
            processes:
              server:
                command: echo "serving"; exec sleep 300
                depends_on:
                  migrate:
                    condition: process_completed_successfully
              migrate:
                command: echo migrating; sleep 0.2; echo migrated
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line.EndsWith("| serving", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130, "the migration's end did not stop the stack");
        procman.Lines.Should().ContainInOrder(
            "migrate | migrated",
            "procman | migrate exited with code 0",
            "procman | migrate completed; the others run on (exit_on_end is false)",
            "server  | serving");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_dependent_skipped_when_its_dependency_fails_and_get_the_failure_s_code()
    {
        _directory.Write("procfile.yml", """
            processes:
              server:
                command: echo "never runs"
                depends_on:
                  migrate:
                    condition: process_completed_successfully
              migrate:
                command: echo "migration broke"; exit 3
              other:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(3);

        procman.Lines.Should().Contain(line => line.StartsWith("procman | server skipped: migrate failed (exited with code 3)", StringComparison.Ordinal));
        procman.Lines.Should().NotContain(line => line.Contains("never runs", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_wait_for_a_process_to_be_healthy_by_an_exec_probe()
    {
        var marker = _directory.Combine("up.marker");
        _directory.Write("procfile.yml", $$"""
            processes:
              client:
                command: echo "client starts"; exec sleep 300
                depends_on:
                  server:
                    condition: process_healthy
              server:
                command: echo booting; exec sleep 300
                readiness_probe:
                  exec:
                    command: test -f {{marker}}
                  period_seconds: 0.1
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        // The test makes the server healthy only once "booting" is printed, so "booting" comes
        // before "is ready" by construction, not because a sleep in the child outran the pump.
        await procman.WaitForLineAsync(line => line == "server  | booting");
        procman.Lines.Should().NotContain(line => line.StartsWith("procman | server is ready", StringComparison.Ordinal));
        await File.WriteAllTextAsync(marker, "");

        await procman.WaitForLineAsync(line => line.EndsWith("| client starts", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);

        await procman.WaitForExitAsync();
        procman.Lines.Should().ContainInOrder(
            "server  | booting",
            $"procman | server is ready (probe `test -f {marker}` succeeded)",
            "procman | client started with pid " + procman.PidOf("client"));
    }

    [ToolFact("bash", Timeout = 60_000)]
    public async Task Probes_and_shutdown_commands_run_with_the_file_s_shell()
    {
        // `[[ ]]` is bash's: under /bin/sh (dash) the probe and the shutdown command would fail.
        var stopped = Path.Combine(_directory.Path, "stopped");
        _directory.Write("procfile.yml", $$"""
            shell: {shell_command: bash, shell_argument: -c}
            processes:
              server:
                command: echo $$ > server.pid; exec sleep 300
                readiness_probe:
                  exec:
                    command: "[[ -n $BASH_VERSION ]]"
                  period_seconds: 0.1
                shutdown:
                  command: "[[ -n $BASH_VERSION ]] && touch {{stopped}} && kill $(cat server.pid)"
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line.StartsWith("procman | server is ready (probe", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);
        await procman.WaitForExitAsync();

        File.Exists(stopped).Should().BeTrue(string.Join("\n", procman.Lines));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_exec_probe_runs_in_its_own_working_dir()
    {
        // The marker exists only in the probe's directory: from the process's, the probe would fail.
        Directory.CreateDirectory(Path.Combine(_directory.Path, "checks"));
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, "checks", "marker"), "");
        _directory.Write("procfile.yml", """
            processes:
              server:
                command: echo booting; exec sleep 300
                readiness_probe:
                  exec:
                    command: test -f marker
                    working_dir: checks
                  period_seconds: 0.1
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line == "procman | server is ready (probe `test -f marker` succeeded)");
        procman.Signal(UnixSignal.Interrupt);
        await procman.WaitForExitAsync();
    }

    [ToolFact("python3", Timeout = 60_000)]
    public async Task I_can_probe_a_server_on_its_own_PORT_without_naming_the_port()
    {
        // A port free a moment ago, as the base: the server is the first process, so its PORT.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _directory.Write("procfile.yml", """
            processes:
              server:
                command: exec python3 -m http.server "$PORT" --bind 127.0.0.1
                readiness_probe: {http_get: {path: /}, period_seconds: 0.1}
              client:
                command: echo "client starts"; exec sleep 300
                depends_on:
                  server:
                    condition: process_healthy
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--port", port.ToString(CultureInfo.InvariantCulture));

        await procman.WaitForLineAsync(line => line == "client  | client starts");

        procman.Lines.Should().ContainInOrder(
            $"procman | server is ready (GET http://127.0.0.1:{port}/ answered 200)",
            "procman | client started with pid " + procman.PidOf("client"));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_wait_for_a_process_to_be_healthy_by_an_http_probe()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requests = ServeHttpAsync(listener, "/health");
        _directory.Write("procfile.yml", $$"""
            processes:
              client:
                command: echo "client starts"; exec sleep 300
                depends_on:
                  server:
                    condition: process_healthy
              server:
                command: exec sleep 300
                readiness_probe:
                  http_get:
                    port: {{port}}
                    path: /health
                  period_seconds: 0.1
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        await procman.WaitForLineAsync(line => line.EndsWith("| client starts", StringComparison.Ordinal));
        procman.Signal(UnixSignal.Interrupt);

        await procman.WaitForExitAsync();
        procman.Lines.Should().Contain($"procman | server is ready (GET http://127.0.0.1:{port}/health answered 200)");
        listener.Stop();
        (await requests).Should().Contain("GET /health HTTP/1.1");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_restart_a_failing_process_with_backoff_up_to_max_restarts()
    {
        _directory.Write("procfile.yml", """
            processes:
              flaky:
                command: echo "attempt"; exit 1
                availability:
                  restart: on_failure
                  backoff_seconds: 0.1
                  max_restarts: 3
              other:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(1);

        procman.Lines.Count(line => line == "flaky   | attempt").Should().Be(4, "one start and three restarts");
        procman.Lines.Should().ContainInOrder(
            "procman | flaky restarting in 0.1 s (attempt 1 of 3)",
            "procman | flaky restarting in 0.2 s (attempt 2 of 3)",
            "procman | flaky restarting in 0.4 s (attempt 3 of 3)",
            "procman | stopping all processes: flaky failed (exited with code 1)");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_count_exit_codes_as_success_so_they_are_not_restarted()
    {
        _directory.Write("procfile.yml", """
            processes:
              tool:
                command: echo "ran"; exit 3
                success_exit_codes: [3]
                availability:
                  restart: on_failure
                  max_restarts: 5
              other:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(3, "the end that stopped everything gives the code");

        procman.Lines.Count(line => line == "tool    | ran").Should().Be(1);
        procman.Lines.Should().Contain(line => line.StartsWith("procman | stopping all processes: tool ended (exited with code 3)", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_a_process_restarted_when_its_liveness_probe_fails()
    {
        // The probe fails only once the current run has said "alive" (its pid file names a live
        // process), so the SIGTERM can never cut a run short before its line; the long probe
        // timeout keeps a slow probe from being reported as "timed out" instead of its exit.
        var pidFile = _directory.Combine("zombie.pid");
        _directory.Write("procfile.yml", $$"""
            processes:
              zombie:
                command: echo "alive"; echo $$ > {{pidFile}}; exec sleep 300
                liveness_probe:
                  exec:
                    command: kill -0 "$(cat {{pidFile}} 2>/dev/null)" 2>/dev/null || exit 0; echo "no heartbeat"; false
                  period_seconds: 0.1
                  timeout_seconds: 30
                  failure_threshold: 2
                availability:
                  restart: on_failure
                  backoff_seconds: 0.1
                  max_restarts: 1
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(143, "the second run is stopped by SIGTERM and has no restart left");

        procman.Lines.Count(line => line == "zombie  | alive").Should().Be(2);
        procman.Lines.Count(line => line == "procman | zombie is unhealthy: probe exited with code 1: no heartbeat; stopping it").Should().Be(2);
        procman.Lines.Should().NotContain(line => line.StartsWith("zombie  | no heartbeat", StringComparison.Ordinal), "probe output stays out of the process's lines");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_a_process_with_its_own_signal()
    {
        _directory.Write("procfile.yml", """
            processes:
              app:
                command: trap 'echo "got INT"; kill $!; exit 0' INT; echo up; sleep 300 & wait
                shutdown:
                  signal: INT
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| up", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Terminate);

        (await procman.WaitForExitAsync()).Should().Be(143);
        procman.Lines.Should().ContainInOrder("procman | sending SIGINT to app", "app     | got INT", "procman | app exited with code 0");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_stop_a_process_with_a_shutdown_command()
    {
        var pidFile = _directory.Combine("app.pid");
        _directory.Write("procfile.yml", $$"""
            processes:
              app:
                command: echo $$ > {{pidFile}}; trap 'echo "asked to stop"; kill $!; exit 0' USR1; echo up; sleep 300 & wait
                environment:
                  APP_PID_FILE: {{pidFile}}
                shutdown:
                  command: echo "stopping via command"; kill -USR1 $(cat "$APP_PID_FILE")
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| up", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().ContainInOrder(
            "procman | running the shutdown command of app",
            "procman | app exited with code 0");
        procman.Lines.Should().Contain(["app     | stopping via command", "app     | asked to stop"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_dependents_stopped_before_their_dependencies()
    {
        const string polite = "trap 'echo stopping; kill $!; exit 0' TERM; echo up; sleep 300 & wait";
        _directory.Write("procfile.yml", $$"""
            processes:
              db:
                command: {{Quote(polite)}}
              api:
                command: {{Quote(polite)}}
                depends_on:
                  db: {}
              web:
                command: {{Quote(polite)}}
                depends_on:
                  api: {}
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLinesAsync(line => line.EndsWith("| up", StringComparison.Ordinal), 3);

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().ContainInOrder(
            "procman | sending SIGTERM to web", "web     | stopping", "procman | web exited with code 0",
            "procman | sending SIGTERM to api", "api     | stopping", "procman | api exited with code 0",
            "procman | sending SIGTERM to db", "db      | stopping", "procman | db exited with code 0");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(null, 0)]
    [InlineData("3", 3)]
    public async Task I_can_wrap_a_CI_job_and_get_the_tests_exit_code(string? testsExit, int expected)
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "ci.yml");
        await using var procman = ProcManRun.Start(_directory.Path, ["up", sample], new Dictionary<string, string?> { ["TESTS_EXIT"] = testsExit });

        (await procman.WaitForExitAsync()).Should().Be(expected);

        procman.Lines.Should().ContainInOrder(
            "db      | ready to accept connections",
            "procman | web started with pid " + procman.PidOf("web"),
            "procman | web is ready (probe `test -f /tmp/procman-ci-web-$PPID` succeeded)",
            "procman | tests started with pid " + procman.PidOf("tests"),
            "tests   | tests done");
        procman.Lines.Should().ContainInOrder("procman | sending SIGTERM to web", "procman | sending SIGTERM to db");
    }


    private static string Quote(string command) => "\"" + command.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "ProcMan.sln")))
            directory = directory.Parent ?? throw new DirectoryNotFoundException("ProcMan.sln not found above the test binaries");
        return directory.FullName;
    }

    /// <summary>Answers every request with 200 until the listener stops; returns the request lines seen.</summary>
    private static async Task<List<string>> ServeHttpAsync(TcpListener listener, string path)
    {
        var seen = new List<string>();
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? "";
                lock (seen)
                    seen.Add(requestLine);
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }
                var status = requestLine.Contains(path, StringComparison.Ordinal) ? "200 OK" : "404 Not Found";
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            }
        }
        // The listener stopped: during an accept, or (InvalidOperationException) between two.
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException or IOException or InvalidOperationException)
        {
            return seen;
        }
    }
}
