using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class DependencyTests : IDisposable
{
    private const string Stack = """
        processes:
          db:
            command: postgres
            ready_log_line: ready
          migrate:
            command: migrate
            depends_on: {db: {condition: process_healthy}}
          web:
            command: serve
            depends_on:
              migrate: {condition: process_completed_successfully}
          worker:
            command: work
            depends_on: [db]
          docs:
            command: docs
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("a: [b]\nb: [a]", "dependency cycle: a -> b -> a", 4)]
    [InlineData("a: [b]\nb: [c]\nc: [a]", "dependency cycle: a -> b -> c -> a", 4)]
    [InlineData("a: []\nb: [c]\nc: [a, b]", "dependency cycle: b -> c -> b", 7)]
    [InlineData("a: [c]\nb: [a]\nc: [b]", "dependency cycle: a -> c -> b -> a", 4)]
    public void A_dependency_cycle_is_named_in_order_at_its_first_edge(string graph, string message, int line)
    {
        var path = _directory.Write("procman.yaml", Graph(graph));

        var errors = Load.Errors(path);

        errors.Should().ContainSingle().Which.Should().Be(new ConfigurationError(
            path, line, 18, message + "; none of these processes could ever start"));
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var path = _directory.Write("procman.yaml", Graph("a: [b]\nb: [a]\nc: [d]\nd: [c]"));

        Load.Errors(path).Select(e => e.Message).Should().Equal(
            "dependency cycle: a -> b -> a; none of these processes could ever start",
            "dependency cycle: c -> d -> c; none of these processes could ever start");
    }

    [Fact]
    public void A_dependency_on_a_disabled_process_is_an_error_unless_the_dependent_is_disabled_too()
    {
        var path = _directory.Write("procman.yaml", """
            processes:
              db:
                command: postgres
                disabled: true
              web:
                command: serve
                depends_on: [db]
              old:
                command: old
                disabled: true
                depends_on: [db]
            """);

        Load.Errors(path).Select(e => e.ToString()).Should().Equal(
            $"{path}:7:18: process `web` depends on `db`, but `db` is disabled, so `web` could never start; enable `db` or remove the dependency");
    }

    [Theory]
    [InlineData("db=0", "(the formation scales it to 0)")]
    [InlineData("all=0,web=1", "(the formation scales it to 0)")]
    [InlineData(null, "(it has `replicas: 0`)")]
    public void A_dependency_without_any_instance_to_start_is_an_error(string? formation, string why)
    {
        var replicas = formation is null ? "    replicas: 0\n" : string.Empty;
        var path = _directory.Write("procman.yaml", $"processes:\n  db:\n    command: postgres\n{replicas}  web:\n    command: serve\n    depends_on: [db]\n");
        var options = Load.Options with { Formation = formation is null ? null : Formation.Parse(formation) };

        Load.Errors(path, options).Should().ContainSingle().Which.Message.Should().Be(
            $"process `web` depends on `db`, which has no instance to start {why}, so `web` could never start");
    }

    [Fact]
    public void A_process_scaled_to_zero_may_depend_on_one_scaled_to_zero()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  db:\n    command: postgres\n  web:\n    command: serve\n    depends_on: [db]\n  docs:\n    command: docs\n");
        var options = Load.Options with { Formation = Formation.Parse("db=0,web=0") };

        Load.File(path, options).Processes.Select(p => p.Name).Should().Equal("docs");
    }

    [Theory]
    [InlineData("", "", "db=True,migrate=False,web=True,worker=True,docs=True")]
    [InlineData("true", "false", "db=False,migrate=True,web=True,worker=True,docs=True")]
    public void A_process_others_wait_to_see_complete_does_not_stop_everything_when_it_ends(string migrate, string db, string expected)
    {
        var path = _directory.Write("procman.yaml", Stack
            .Replace("command: migrate\n", migrate.Length == 0 ? "command: migrate\n" : $"command: migrate\n    availability: {{exit_on_end: {migrate}}}\n")
            .Replace("command: postgres\n", db.Length == 0 ? "command: postgres\n" : $"command: postgres\n    availability: {{exit_on_end: {db}}}\n"));

        var configuration = Load.File(path);

        string.Join(',', configuration.Document.Processes.Select(d => $"{d.Name}={d.Availability.ExitOnEnd}")).Should().Be(expected);
        configuration.Processes.Should().OnlyContain(
            instance => configuration.Document.Processes.Contains(instance.Definition!),
            "the instances carry the resolved definitions");
    }

    [Fact]
    public void A_process_that_is_only_waited_for_to_start_keeps_the_default()
    {
        var path = _directory.Write("procman.yaml", Stack.Replace("process_completed_successfully", "process_completed"));

        var migrate = Load.File(path).Document.Processes.Single(p => p.Name == "migrate");
        var db = Load.File(path).Document.Processes.Single(p => p.Name == "db");

        migrate.Availability.ExitOnEnd.Should().BeFalse();
        db.Availability.ExitOnEnd.Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "web" }, new[] { "db", "migrate", "web" })]
    [InlineData(new[] { "worker" }, new[] { "db", "worker" })]
    [InlineData(new[] { "docs" }, new[] { "docs" })]
    [InlineData(new[] { "web", "docs" }, new[] { "db", "migrate", "web", "docs" })]
    [InlineData(new string[0], new[] { "db", "migrate", "web", "worker", "docs" })]
    public void Selecting_a_process_starts_what_it_depends_on_transitively(string[] selected, string[] started)
    {
        var path = _directory.Write("procman.yaml", Stack);
        var options = Load.Options with { SelectedNames = selected };

        Load.File(path, options).Processes.Select(p => p.Name).Should().Equal(started);
    }

    [Fact]
    public void A_selected_process_whose_dependency_is_scaled_to_zero_is_an_error()
    {
        var path = _directory.Write("procman.yaml", Stack);
        var options = Load.Options with { SelectedNames = ["worker"], Formation = Formation.Parse("db=0") };

        Load.Errors(path, options).Select(e => e.Message).Should().Equal(
            "process `worker` depends on `db`, which has no instance to start (the formation scales it to 0), so `worker` could never start");
    }

    private static string Graph(string edges) =>
        "processes:\n" + string.Concat(edges.Split('\n').Select(edge =>
        {
            var name = edge[..edge.IndexOf(':')];
            return $"  {name}:\n    command: run-{name}\n    depends_on: {edge[(edge.IndexOf(':') + 2)..]}\n";
        }));
}
