using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>A <c>depends_on</c> entry may name one replica, as the dialect names it.</summary>
public sealed class ReplicaDependencyTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("process-compose.yaml", "web-1")]
    [InlineData("procfile.yml", "web.2")]
    public void A_dependency_on_a_replica_name_is_a_dependency_on_that_replica_of_its_process(string fileName, string replicaName)
    {
        var path = _directory.Write(fileName, """
            processes:
              web:
                command: serve
                replicas: 2
              client:
                command: call
                depends_on: {REPLICA: {condition: process_started}}
            """.Replace("REPLICA", replicaName, StringComparison.Ordinal));

        var dependency = Load.File(path).Document.Processes.Single(p => p.Name == "client").DependsOn.Single();

        (dependency.Target, dependency.Replica, dependency.WrittenTarget).Should().Be(("web", 2, replicaName));
    }

    [Fact]
    public void A_replica_name_of_the_other_dialect_is_an_unknown_process()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 2
              client:
                command: call
                depends_on: {web.2: {condition: process_started}}
            """);

        Load.Errors(path).Should().ContainSingle(e => e.Message.Contains("depends on unknown process `web.2`"));
    }

    [Fact]
    public void A_dependency_on_a_replica_the_formation_removes_is_refused()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 3
              client:
                command: call
                depends_on: {web-2: {condition: process_started}}
            """);

        var errors = Load.Errors(path, Load.Options with { Formation = ProcMan.Configuration.Formation.Parse("web=2") });

        errors.Should().ContainSingle(e => e.Message.Contains("depends on `web-2`, but `web` runs only 2 replicas"));
    }
}
