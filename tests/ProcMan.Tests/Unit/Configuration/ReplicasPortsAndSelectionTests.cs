using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class ReplicasPortsAndSelectionTests : IDisposable
{
    private const string ThreeProcesses = """
        processes:
          web:
            command: serve
            replicas: 2
          legacy:
            command: old
            disabled: true
          worker:
            command: work
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Replicas_are_named_and_numbered_and_ports_count_every_process_in_the_file()
    {
        var path = _directory.Write("procman.yaml", ThreeProcesses);

        var processes = Load.File(path).Processes;

        processes.Select(p => (p.Name, p.Environment["PORT"], p.Environment["PS"], p.Environment["PROCMAN_PROCESS"], p.Environment["PROCMAN_REPLICA"], p.Replica))
            .Should().Equal(
                ("web.1", "5000", "web.1", "web", "1", 1),
                ("web.2", "5001", "web.2", "web", "2", 2),
                ("worker", "5200", "worker", "worker", "1", 1));
    }

    public static TheoryData<string?, int?, string, string[]> Formations => new()
    {
        // formation, base port, top-level .env, expected "name=PORT" of the started instances
        { null, null, "", ["web.1=5000", "web.2=5001", "worker=5200"] },
        { null, 3000, "", ["web.1=3000", "web.2=3001", "worker=3200"] },
        { null, null, "PORT=8000", ["web.1=8000", "web.2=8001", "worker=8200"] },
        { null, 4000, "PORT=8000", ["web.1=4000", "web.2=4001", "worker=4200"] },
        { "web=1", null, "", ["web=5000", "worker=5200"] },
        { "web=0", null, "", ["worker=5200"] },
        { "worker=3", null, "", ["web.1=5000", "web.2=5001", "worker.1=5200", "worker.2=5201", "worker.3=5202"] },
        { "all=2", null, "", ["web.1=5000", "web.2=5001", "worker.1=5200", "worker.2=5201"] },
        { "all=0,worker=1", null, "", ["worker=5200"] },
        { "legacy=2", null, "", ["web.1=5000", "web.2=5001", "worker=5200"] },
        { " web = 3 , worker = 0 ", null, "", ["web.1=5000", "web.2=5001", "web.3=5002"] },
    };

    [Theory]
    [MemberData(nameof(Formations))]
    public void The_formation_and_base_port_decide_which_instances_start_on_which_port(
        string? formation, int? basePort, string dotenv, string[] expected)
    {
        _directory.Write(".env", dotenv);
        var path = _directory.Write("procman.yaml", ThreeProcesses);
        var options = Load.Options with
        {
            Formation = formation is null ? null : Formation.Parse(formation),
            BasePort = basePort,
        };

        var processes = Load.File(path, options).Processes;

        processes.Select(p => $"{p.Name}={p.Environment["PORT"]}").Should().Equal(expected);
    }

    [Fact]
    public void A_port_in_the_process_environment_wins()
    {
        var path = _directory.Write("procman.yaml", """
            environment: { PORT: "7000" }
            processes:
              web:
                command: serve
                environment: { PORT: "9999" }
              worker:
                command: work
            """);

        var processes = Load.File(path).Processes;

        processes.Select(p => p.Environment["PORT"]).Should().Equal("9999", "7100");
    }

    [Fact]
    public void A_port_in_the_process_env_file_wins_too_but_one_in_a_top_level_env_file_only_moves_the_base()
    {
        _directory.Write(".env", "PORT=6000\n");
        _directory.Write("worker.env", "PORT=6543\n");
        var path = _directory.Write("procman.yaml", """
            processes:
              web:
                command: serve
              worker:
                command: work
                env_file: worker.env
            """);

        var processes = Load.File(path).Processes;

        processes.Select(p => p.Environment["PORT"]).Should().Equal("6000", "6543");
    }

    [Fact]
    public void The_replica_variables_cannot_be_overridden_by_the_file()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n    environment: { PS: mine, PROCMAN_REPLICA: \"7\" }\n");

        var environment = Load.File(path).Processes.Single().Environment;

        environment["PS"].Should().Be("web");
        environment["PROCMAN_REPLICA"].Should().Be("1");
    }

    [Fact]
    public void Selected_names_start_only_those_processes_with_ports_from_the_whole_file()
    {
        var path = _directory.Write("procman.yaml", ThreeProcesses);

        var configuration = Load.File(path, Load.Options with { SelectedNames = ["worker"] });

        configuration.Processes.Select(p => (p.Name, p.Environment["PORT"])).Should().Equal(("worker", "5200"));
        configuration.Plans.Select(p => p.Instances.Count).Should().Equal(0, 0, 1);
    }

    [Fact]
    public void Selected_names_start_all_replicas()
    {
        var path = _directory.Write("procman.yaml", ThreeProcesses);

        var processes = Load.File(path, Load.Options with { SelectedNames = ["web"] }).Processes;

        processes.Select(p => p.Name).Should().Equal("web.1", "web.2");
    }

    [Fact]
    public void Unknown_or_disabled_names_in_the_selection_or_formation_are_errors_with_suggestions()
    {
        var path = _directory.Write("procman.yaml", ThreeProcesses);
        var options = Load.Options with
        {
            SelectedNames = ["wokrer", "legacy", "nothing-like-it"],
            Formation = Formation.Parse("wbe=2"),
        };

        var errors = Load.Errors(path, options);

        errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "formation: unknown process `wbe` (not in " + path + "); did you mean `web`?",
            path + ": unknown process `wokrer`; did you mean `worker`?",
            path + ": process `legacy` is disabled; remove `disabled: true` to start it",
            path + ": unknown process `nothing-like-it`");
    }

    [Fact]
    public void An_invalid_port_in_the_top_level_env_files_is_an_error()
    {
        _directory.Write(".env", "PORT=http\n");
        var path = _directory.Write("Procfile", "web: serve\n");

        Load.Errors(path).Should().ContainSingle().Which.Message.Should().Contain("`PORT` from the top-level environment or env files is not a port number");
    }

    [Fact]
    public void Zero_replicas_start_nothing_but_keep_the_process_listed()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n    replicas: 0\n  worker:\n    command: work\n");

        var configuration = Load.File(path);

        configuration.Processes.Select(p => (p.Name, p.Environment["PORT"])).Should().Equal(("worker", "5100"));
        configuration.Plans.Should().HaveCount(2);
    }
}
