using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class LifecycleLoadingTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_process_without_lifecycle_keys_gets_the_defaults()
    {
        var process = Single("processes:\n  web:\n    command: serve\n");

        process.DependsOn.Should().BeEmpty();
        process.ReadyLogLine.Should().BeNull();
        process.ReadinessProbe.Should().BeNull();
        process.LivenessProbe.Should().BeNull();
        process.Availability.Should().Be(Availability.Default);
        process.SuccessExitCodes.Should().BeEmpty();
        process.Shutdown.Should().Be(ShutdownSettings.Default);
    }

    [Fact]
    public void I_can_say_what_each_process_waits_for_in_the_long_or_short_form()
    {
        var path = _directory.Write("procman.yaml", """
            processes:
              db:
                command: postgres
                ready_log_line: ready to accept connections
              cache:
                command: redis
                ready_log_line: Ready
              migrate:
                command: migrate
              web:
                command: serve
                depends_on:
                  db: {condition: process_log_ready}
                  cache:
                  migrate: {condition: process_completed_successfully}
              worker:
                command: work
                depends_on: [db, cache]
              tail:
                command: tail
                depends_on:
                  db: {}
                  migrate: {condition: process_completed}
                  web: {condition: process_started}
                  cache: {condition: process_healthy}
            """);

        var processes = Load.File(path).Document.Processes.ToDictionary(p => p.Name);

        processes["web"].DependsOn.Select(d => (d.Target, d.Condition, d.DeclaredAt.Line, d.DeclaredAt.Column)).Should().Equal(
            ("db", DependencyCondition.ProcessLogReady, 13, 7),
            ("cache", DependencyCondition.ProcessStarted, 14, 7),
            ("migrate", DependencyCondition.ProcessCompletedSuccessfully, 15, 7));
        processes["worker"].DependsOn.Select(d => (d.Target, d.Condition, d.DeclaredAt.Column)).Should().Equal(
            ("db", DependencyCondition.ProcessStarted, 18), ("cache", DependencyCondition.ProcessStarted, 22));
        processes["tail"].DependsOn.Select(d => d.Condition).Should().Equal(
            DependencyCondition.ProcessStarted,
            DependencyCondition.ProcessCompleted,
            DependencyCondition.ProcessStarted,
            DependencyCondition.ProcessHealthy);
        processes["db"].ReadyLogLine.Should().Be("ready to accept connections");
    }

    [Fact]
    public void A_probe_takes_the_kubernetes_defaults()
    {
        var process = Single("""
            processes:
              web:
                command: serve
                readiness_probe:
                  http_get: {port: 8080}
                liveness_probe:
                  exec: {command: "pgrep serve"}
            """);

        process.ReadinessProbe.Should().Be(new Probe(
            new HttpProbeCheck("http", "127.0.0.1", 8080, "/"),
            TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 1, 3));
        process.LivenessProbe!.Check.Should().Be(new ExecProbeCheck("pgrep serve"));
        process.LivenessProbe.Period.Should().Be(Probe.DefaultPeriod);
    }

    [Fact]
    public void I_can_set_every_probe_key()
    {
        var process = Single("""
            processes:
              web:
                command: serve
                readiness_probe:
                  http_get:
                    scheme: https
                    host: localhost
                    port: 8443
                    path: /health?full=1
                  initial_delay_seconds: 2.5
                  period_seconds: 0.5
                  timeout_seconds: 3
                  success_threshold: 2
                  failure_threshold: 5
            """);

        process.ReadinessProbe.Should().Be(new Probe(
            new HttpProbeCheck("https", "localhost", 8443, "/health?full=1"),
            TimeSpan.FromSeconds(2.5), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3), 2, 5));
        ((HttpProbeCheck)process.ReadinessProbe!.Check).UriFor(8443).Should().Be(new Uri("https://localhost:8443/health?full=1"));
    }

    [Fact]
    public void An_ipv6_probe_host_is_written_in_brackets()
    {
        var process = Single("processes:\n  web:\n    command: serve\n    readiness_probe:\n      http_get: {host: \"[::1]\", port: 80}\n");

        ((HttpProbeCheck)process.ReadinessProbe!.Check).UriFor(80).Should().Be(new Uri("http://[::1]:80/"));
    }

    public static TheoryData<string, object> Availabilities => new()
    {
        { "{}", Availability.Default },
        { "{restart: no}", Availability.Default },
        { "{restart: \"no\"}", Availability.Default },
        { "{restart: on_failure}", Availability.Default with { Restart = RestartPolicy.OnFailure } },
        { "{restart: always, backoff_seconds: 0.25, max_restarts: 5}", new Availability(RestartPolicy.Always, TimeSpan.FromMilliseconds(250), 5, true) },
        { "{max_restarts: 0}", Availability.Default },
        { "{exit_on_end: false}", Availability.Default with { ExitOnEnd = false } },
        { "{exit_on_end: true}", Availability.Default },
    };

    [Theory]
    [MemberData(nameof(Availabilities))]
    public void I_can_choose_what_happens_when_a_process_exits(string availability, object expected)
    {
        var process = Single($"processes:\n  web:\n    command: serve\n    availability: {availability}\n");

        process.Availability.Should().Be(expected);
    }

    [Fact]
    public void I_can_name_exit_codes_that_mean_success()
    {
        var process = Single("processes:\n  web:\n    command: serve\n    success_exit_codes: [3, 143, 3]\n");

        process.SuccessExitCodes.Should().Equal(3, 143);
        process.IsSuccess(0).Should().BeTrue();
        process.IsSuccess(143).Should().BeTrue();
        process.IsSuccess(1).Should().BeFalse();
    }

    [Theory]
    [InlineData("{}", 15, null, null)]
    [InlineData("{signal: INT}", 2, null, null)]
    [InlineData("{signal: sigquit}", 3, null, null)]
    [InlineData("{signal: SIGUSR1, timeout_seconds: 2.5}", 10, 2.5, null)]
    [InlineData("{signal: 9, timeout_seconds: 0}", 9, 0.0, null)]
    [InlineData("{signal: 40}", 40, null, null)]
    [InlineData("{command: \"pg_ctl stop\", timeout_seconds: 30}", 15, 30.0, "pg_ctl stop")]
    public void I_can_choose_how_a_process_is_stopped(string shutdown, int signal, double? timeout, string? command)
    {
        var process = Single($"processes:\n  web:\n    command: serve\n    shutdown: {shutdown}\n");

        process.Shutdown.Should().Be(new ShutdownSettings(
            new UnixSignal(signal), timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null, command));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("shutdown_timeout_seconds: 20\n", 20.0)]
    [InlineData("shutdown_timeout_seconds: 0.5\n", 0.5)]
    [InlineData("shutdown_timeout_seconds: 0\n", 0.0)]
    public void I_can_set_the_shutdown_timeout_for_the_whole_file(string line, double? seconds)
    {
        var path = _directory.Write("procman.yaml", line + "processes:\n  web:\n    command: serve\n");

        Load.File(path).Document.ShutdownTimeout.Should().Be(seconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    private ProcessDefinition Single(string yaml) =>
        Load.File(_directory.Write("procman.yaml", yaml)).Document.Processes.Single();
}
