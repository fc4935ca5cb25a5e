using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Reporting;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class CheckSummaryTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_see_how_each_process_would_run_without_any_secret_values()
    {
        _directory.CreateDirectory("api");
        _directory.Write(".env", "SECRET_TOKEN=hunter2\n");
        var path = _directory.Write("procman.yaml", """
            environment:
              RAILS_ENV: development
            processes:
              web:
                command: bundle exec puma
                replicas: 2
                description: the site
              api:
                entrypoint: [dotnet, run]
                working_dir: api
                environment: { API_KEY: abc123 }
              legacy:
                command: old
                disabled: true
            """);

        var summary = CheckSummary.Render(Load.File(path));

        summary.Should().Be($"""
            {path}: 3 processes, 3 instances to start

            web (2 replicas)
              description  the site
              command      bundle exec puma
              directory    {_directory.Path}
              port         5000, 5001
              environment  RAILS_ENV, SECRET_TOKEN

            api (1 replica)
              entrypoint   dotnet run
              directory    {Path.Combine(_directory.Path, "api")}
              port         5100
              environment  API_KEY, RAILS_ENV, SECRET_TOKEN

            legacy (disabled)
              command      old
              directory    {_directory.Path}
              port         -
              environment  RAILS_ENV, SECRET_TOKEN

            """);
        summary.Should().NotContain("hunter2").And.NotContain("abc123").And.NotContain("development");
    }

    [Fact]
    public void I_see_which_processes_are_scaled_to_zero_or_not_selected()
    {
        var path = _directory.Write("Procfile", "web: serve\nworker: work\nclock: tick\n");
        var options = Load.Options with { Formation = Formation.Parse("clock=0"), SelectedNames = ["web", "clock"] };

        var summary = CheckSummary.Render(Load.File(path, options));

        summary.Should().Contain("\nweb (1 replica)\n")
            .And.Contain("\nworker (1 replica, not selected)\n")
            .And.Contain("\nclock (0 replicas)\n")
            .And.Contain("environment  -\n")
            .And.StartWith($"{path}: 3 processes, 1 instance to start\n");
    }

    [Fact]
    public void I_see_dependencies_probes_and_the_settings_that_differ_from_the_defaults()
    {
        var path = _directory.Write("procman.yaml", """
            shutdown_timeout_seconds: 20
            processes:
              db:
                command: postgres
                ready_log_line: ready to accept
                liveness_probe:
                  exec: {command: pg_isready}
                  period_seconds: 5
                  failure_threshold: 2
                shutdown: {signal: INT, timeout_seconds: 30}
              migrate:
                command: migrate
                depends_on: {db: {condition: process_log_ready}}
              web:
                command: serve
                depends_on:
                  migrate: {condition: process_completed_successfully}
                  db:
                readiness_probe:
                  http_get: {port: 8080, path: /health}
                  initial_delay_seconds: 1.5
                availability: {restart: on_failure, max_restarts: 3}
                success_exit_codes: [143]
                shutdown: {command: "curl -X POST localhost:8080/quit"}
            """);

        var summary = CheckSummary.Render(Load.File(path));

        summary.Should().StartWith($"{path}: 3 processes, 3 instances to start\nshutdown timeout 20s\n\ndb (1 replica)\n");
        summary.Should().Contain("""
              environment  -
              ready line   "ready to accept"
              liveness     exec `pg_isready`, every 5s, failure after 2
              shutdown     SIGINT, timeout 30s

            migrate (1 replica)
            """);
        summary.Should().Contain("""
              environment   -
              depends on    db (process_log_ready)
              availability  restart no, its end does not stop the others

            web (1 replica)
            """);
        summary.Should().EndWith("""
              environment    -
              depends on     migrate (process_completed_successfully), db (process_started)
              readiness      GET http://127.0.0.1:8080/health, every 10s, after 1.5s
              availability   restart on_failure, at most 3 restarts
              success codes  0, 143
              shutdown       run `curl -X POST localhost:8080/quit`

            """);
    }

    [Fact]
    public void I_see_that_a_skip_lets_the_others_run_on_only_where_a_process_waits_on_another()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              db:
                command: postgres
                ready_log_line: ready
              web:
                command: serve
                depends_on: {db: {condition: process_healthy}}
            """);

        var summary = CheckSummary.Render(Load.File(path));

        summary.Should().Contain("availability  restart no, its end does not stop the others, a skip does not stop the others");
        summary.Split("\n\n").Single(block => block.StartsWith("db ", StringComparison.Ordinal)).Should().NotContain("a skip");
    }
}
