using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class YamlLoadingTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_get_my_processes_in_file_order_with_their_argv_and_directory()
    {
        var api = _directory.CreateDirectory("services/api");
        var path = _directory.Write("procman.yaml", """
            version: "1"
            processes:
              zeta:
                command: 'echo "zeta: $PORT"' # a YAML comment
                description: runs last alphabetically, first in the file
              api:
                entrypoint: [dotnet, run, --project, "my api"]
                working_dir: services/api
              alpha:
                command: sleep 1
            """);

        var configuration = Load.File(path);

        configuration.Document.Version.Should().Be("1");
        configuration.Document.Format.Should().Be(ProcfileFormat.Yaml);
        configuration.Processes.Select(p => p.Name).Should().Equal("zeta", "api", "alpha");
        configuration.Processes[0].Arguments.Should().Equal("/bin/sh", "-c", "echo \"zeta: $PORT\"");
        configuration.Processes[0].WorkingDirectory.Should().Be(_directory.Path);
        configuration.Processes[0].Definition!.Description.Should().Be("runs last alphabetically, first in the file");
        configuration.Processes[1].Arguments.Should().Equal("dotnet", "run", "--project", "my api");
        configuration.Processes[1].WorkingDirectory.Should().Be(api);
        Path.IsPathRooted(configuration.Processes[2].WorkingDirectory).Should().BeTrue();
    }

    [Fact]
    public void I_can_disable_a_process_and_still_see_it_listed()
    {
        var path = _directory.Write("procman.yml", """
            processes:
              web:
                command: serve
              legacy:
                command: old-thing
                disabled: true
            """);

        var configuration = Load.File(path);

        configuration.Processes.Select(p => p.Name).Should().Equal("web");
        configuration.Plans.Select(p => (p.Definition.Name, p.Definition.Disabled, p.Replicas))
            .Should().Equal(("web", false, 1), ("legacy", true, 0));
    }

    [Fact]
    public void I_can_write_environment_as_a_mapping_or_as_a_list_of_assignments()
    {
        var path = _directory.Write("procman.yaml", """
            environment:
              - GREETING=hello=world
              - EMPTY=
            processes:
              web:
                command: serve
                environment:
                  NUMBER: 42
                  FLAG: true
                  NOTHING:
                  QUOTED: "a # b"
            """);

        var environment = Load.File(path).Processes.Single().Environment;

        environment.Should().Contain(new Dictionary<string, string>
        {
            ["GREETING"] = "hello=world",
            ["EMPTY"] = "",
            ["NUMBER"] = "42",
            ["FLAG"] = "true",
            ["NOTHING"] = "",
            ["QUOTED"] = "a # b",
        });
    }

    [Fact]
    public void I_can_name_env_files_relative_to_the_configuration_as_a_string_or_a_list()
    {
        _directory.Write("config/shared.env", "A=shared\nB=shared\n");
        _directory.Write("config/web.env", "B=web\n");
        var path = _directory.Write("config/procman.yaml", """
            env_file: shared.env
            processes:
              web:
                command: serve
                env_file: [web.env]
            """);

        var environment = Load.File(path).Processes.Single().Environment;

        environment["A"].Should().Be("shared");
        environment["B"].Should().Be("web");
    }
}
