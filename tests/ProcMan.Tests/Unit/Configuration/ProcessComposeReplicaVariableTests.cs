using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class ProcessComposeReplicaVariableTests : IDisposable
{
    private const string WebTimesTwoAndWorker = """
        processes:
          web:
            command: serve
            replicas: 2
          worker:
            command: work
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("process-compose.yaml")]
    [InlineData("procman.yaml")]
    public void A_command_written_for_process_compose_finds_the_process_name_and_its_0_based_replica_number(string fileName)
    {
        var path = _directory.Write(fileName, WebTimesTwoAndWorker);

        var processes = Load.File(path).Processes;

        processes.Select(p => (p.Environment["PC_PROC_NAME"], p.Environment["PC_REPLICA_NUM"], p.Environment["PROCMAN_REPLICA"]))
            .Should().Equal(
                ("web", "0", "1"),
                ("web", "1", "2"),
                ("worker", "0", "1"));
    }

    [Fact]
    public void A_classic_procfile_gets_them_too()
    {
        var path = _directory.Write("Procfile", "web: serve\n");

        var environment = Load.File(path).Processes.Single().Environment;

        environment["PC_PROC_NAME"].Should().Be("web");
        environment["PC_REPLICA_NUM"].Should().Be("0");
    }

    [Fact]
    public void Neither_the_file_nor_the_inherited_environment_can_change_them()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                environment: [ "PC_PROC_NAME=mine", "PC_REPLICA_NUM=7" ]
            """);
        var inherited = new Dictionary<string, string>(Load.Inherited) { ["PC_PROC_NAME"] = "outer", ["PC_REPLICA_NUM"] = "3" };

        var environment = Load.File(path, Load.Options with { InheritedEnvironment = inherited }).Processes.Single().Environment;

        environment["PC_PROC_NAME"].Should().Be("web");
        environment["PC_REPLICA_NUM"].Should().Be("0");
    }
}
