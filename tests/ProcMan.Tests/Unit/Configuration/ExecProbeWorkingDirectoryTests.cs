using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>An exec probe's own <c>working_dir</c>, as process-compose has it.</summary>
public sealed class ExecProbeWorkingDirectoryTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void An_exec_probe_runs_in_its_own_working_dir_relative_to_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "checks"));
        var path = _directory.Write("process-compose.yaml", "processes:\n  web:\n    command: serve\n    readiness_probe:\n      exec:\n        command: ./ok\n        working_dir: checks\n");

        var check = Load.File(path).Document.Processes.Single().ReadinessProbe!.Check;

        check.Should().BeOfType<ExecProbeCheck>().Which.WorkingDirectory.Should().Be(Path.Combine(_directory.Path, "checks"));
    }

    [Fact]
    public void An_exec_probe_without_working_dir_runs_in_the_process_s()
    {
        var path = _directory.Write("procfile.yml", "processes:\n  web:\n    command: serve\n    liveness_probe:\n      exec: {command: \"true\"}\n");

        var check = Load.File(path).Document.Processes.Single().LivenessProbe!.Check;

        check.Should().BeOfType<ExecProbeCheck>().Which.WorkingDirectory.Should().BeNull();
    }

    [Fact]
    public void An_exec_probe_s_missing_working_dir_is_an_error_at_the_value()
    {
        var path = _directory.Write("procfile.yml", "processes:\n  web:\n    command: serve\n    readiness_probe:\n      exec: {command: \"true\", working_dir: nowhere}\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Message.Should().StartWith("working directory `nowhere` does not exist");
        (error.Line, error.Column).Should().Be((5, 44));
    }
}
