using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Expansion;

/// <summary><c>{{.PC_REPLICA_NUM}}</c> renders for each replica, as process-compose renders templates per replica.</summary>
public sealed class ReplicaTemplateTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private IReadOnlyList<ProcessSpec> Load3(string process) =>
        Load.File(_directory.Write("process-compose.yaml", "vars:\n  NAME: api\nprocesses:\n  web:\n    replicas: 3\n" + process)).Processes;

    [Fact]
    public void Each_replica_s_command_gets_its_own_number()
    {
        var processes = Load3("    command: serve --id {{.PC_REPLICA_NUM}} --name {{ .NAME }}\n");

        processes.Select(p => p.Definition!.Command).Should().Equal("serve --id 0 --name api", "serve --id 1 --name api", "serve --id 2 --name api");
        processes.Select(p => p.Arguments[^1]).Should().Equal("serve --id 0 --name api", "serve --id 1 --name api", "serve --id 2 --name api");
    }

    [Fact]
    public void Each_replica_probes_its_own_templated_port()
    {
        var processes = Load3("    command: serve\n    readiness_probe:\n      http_get: {port: \"404{{.PC_REPLICA_NUM}}\", path: \"/r{{.PC_REPLICA_NUM}}\"}\n");

        processes.Select(p => ((HttpProbeCheck)p.Definition!.ReadinessProbe!.Check).Text)
            .Should().Equal("http://127.0.0.1:4040/r0", "http://127.0.0.1:4041/r1", "http://127.0.0.1:4042/r2");
    }

    [Fact]
    public void Each_replica_s_environment_working_directory_and_exec_probe_get_its_number()
    {
        _directory.CreateDirectory("w0");
        _directory.CreateDirectory("w1");
        _directory.CreateDirectory("w2");
        var processes = Load3("""
                command: serve
                working_dir: w{{.PC_REPLICA_NUM}}
                environment: [ "SLOT=slot-{{.PC_REPLICA_NUM}}" ]
                liveness_probe:
                  exec: {command: "check {{.PC_REPLICA_NUM}}"}

            """);

        processes.Select(p => p.Environment["SLOT"]).Should().Equal("slot-0", "slot-1", "slot-2");
        processes.Select(p => Path.GetFileName(p.WorkingDirectory)).Should().Equal("w0", "w1", "w2");
        processes.Select(p => ((ExecProbeCheck)p.Definition!.LivenessProbe!.Check).Command).Should().Equal("check 0", "check 1", "check 2");
    }

    [Fact]
    public void A_single_process_renders_replica_number_0()
    {
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve {{.PC_REPLICA_NUM}}\n");

        Load.File(path).Processes.Single().Definition!.Command.Should().Be("serve 0");
    }

    [Fact]
    public void A_port_only_one_replica_renders_out_of_range_is_one_error_at_the_port()
    {
        var path = _directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: 7
                readiness_probe:
                  http_get: {port: "6553{{.PC_REPLICA_NUM}}"}
            """);

        var error = Load.Errors(path).Should().ContainSingle().Subject;
        (error.Line, error.Message.Contains("65536", StringComparison.Ordinal)).Should().Be((6, true));
    }

    [Fact]
    public void Is_template_disabled_keeps_the_replica_number_template_as_written()
    {
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve {{.PC_REPLICA_NUM}}\n    replicas: 2\n    is_template_disabled: true\n");

        Load.File(path).Processes.Select(p => p.Definition!.Command).Should().Equal("serve {{.PC_REPLICA_NUM}}", "serve {{.PC_REPLICA_NUM}}");
    }
}
