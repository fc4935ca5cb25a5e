using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Replicas are named as the file's dialect names them, and every check of names follows the same rule.</summary>
public sealed class ReplicaNamingTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_process_compose_file_names_replicas_from_0_with_a_dash_and_keeps_a_single_one_bare()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 3
              worker:
                command: work
            """);

        Load.File(path).Processes.Select(p => p.Name).Should().Equal("web-0", "web-1", "web-2", "worker");
    }

    [Fact]
    public void A_process_compose_file_pads_the_number_to_the_width_of_the_replica_count()
    {
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve\n    replicas: 12\n");

        var names = Load.File(path).Processes.Select(p => p.Name).ToList();

        names.Should().StartWith(["web-00", "web-01"]).And.EndWith("web-11").And.HaveCount(12);
    }

    [Fact]
    public void A_procman_file_keeps_names_from_1_with_a_dot()
    {
        var path = _directory.Write("procfile.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n");

        Load.File(path).Processes.Select(p => p.Name).Should().Equal("web.1", "web.2");
    }

    [Fact]
    public void The_dialect_option_chooses_the_naming_too()
    {
        var path = _directory.Write("procfile.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n");

        var processes = Load.File(path, Load.Options with { Dialect = ConfigurationDialect.ProcessCompose }).Processes;

        processes.Select(p => p.Name).Should().Equal("web-0", "web-1");
    }

    [Fact]
    public void A_process_named_like_a_process_compose_replica_is_refused_in_a_process_compose_file()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 2
              web-1:
                command: other
                disabled: true
            """);

        Load.Errors(path).Should().ContainSingle(e => e.Message.Contains("process `web-1` has the name of replica 2 of process `web` (2 replicas)"));
    }

    [Fact]
    public void A_name_with_a_dot_is_no_replica_name_in_a_process_compose_file()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 2
              web.1:
                command: other
            """);

        Load.File(path).Processes.Select(p => p.Name).Should().Equal("web-0", "web-1", "web.1");
    }

    [Theory]
    [InlineData("web-1", 2, "web", 2)]
    [InlineData("web-01", 12, "web", 2)]
    [InlineData("my-web-0", 2, "my-web", 1)]
    public void Process_compose_names_parse_back_to_their_process_and_replica(string name, int replicas, string process, int replica)
    {
        ReplicaNaming.ProcessCompose.Parse(name, _ => replicas).Should().Be((process, replica));
    }

    [Theory]
    [InlineData("web-1", 12)]
    [InlineData("web-2", 2)]
    [InlineData("web-", 2)]
    [InlineData("web.1", 2)]
    public void Names_that_no_replica_has_do_not_parse(string name, int replicas)
    {
        ReplicaNaming.ProcessCompose.Parse(name, _ => replicas).Should().BeNull();
    }
}
