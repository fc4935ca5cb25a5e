using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class ShellTests
{
    private const string OneProcess = "processes:\n  web:\n    command: echo hi\n";

    [Fact]
    public void A_procman_file_runs_its_commands_with_sh_by_default()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("procfile.yml", OneProcess);

        Load.File(path, WithPath(directory, bash: true)).Processes[0].Arguments.Should().Equal("/bin/sh", "-c", "echo hi");
    }

    [Fact]
    public void A_process_compose_file_runs_its_commands_with_bash_when_bash_is_on_path()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("process-compose.yml", OneProcess);

        Load.File(path, WithPath(directory, bash: true)).Processes[0].Arguments.Should().Equal("bash", "-c", "echo hi");
    }

    [Fact]
    public void A_process_compose_file_falls_back_to_sh_without_bash()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("process-compose.yml", OneProcess);

        Load.File(path, WithPath(directory, bash: false)).Processes[0].Arguments.Should().Equal("sh", "-c", "echo hi");
    }

    [Theory]
    [InlineData("procfile.yml")]
    [InlineData("process-compose.yml")]
    public void I_can_choose_the_shell_in_either_dialect(string name)
    {
        using var directory = new TestDirectory();
        var path = directory.Write(
            name,
            "shell:\n  shell_command: zsh\n  shell_argument: -ec\n  elevated_shell_command: sudo\n" + OneProcess);

        Load.File(path, WithPath(directory, bash: true)).Processes[0].Arguments.Should().Equal("zsh", "-ec", "echo hi");
    }

    [Fact]
    public void An_entrypoint_is_not_run_through_the_shell()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("process-compose.yml", "shell:\n  shell_command: zsh\nprocesses:\n  web:\n    entrypoint: [echo, hi]\n");

        Load.File(path, WithPath(directory, bash: true)).Processes[0].Arguments.Should().Equal("echo", "hi");
    }

    [Fact]
    public void An_unknown_or_empty_shell_key_is_an_error_naming_its_line()
    {
        using var directory = new TestDirectory();
        var path = directory.Write("procfile.yml", "shell:\n  shell_command: ''\n  shell_args: -c\n" + OneProcess);

        var errors = Load.Errors(path, WithPath(directory, bash: true));

        errors.Select(error => (error.Line, error.Message.Contains("shell_command") || error.Message.Contains("shell_args")))
            .Should().Contain(((int?)2, true)).And.Contain(((int?)3, true));
    }

    private static LoadOptions WithPath(TestDirectory directory, bool bash)
    {
        var bin = Path.Combine(directory.Path, bash ? "with-bash" : "without-bash");
        Directory.CreateDirectory(bin);
        if (bash)
        {
            File.WriteAllText(Path.Combine(bin, "bash"), string.Empty);
        }

        return Load.Options with { InheritedEnvironment = new Dictionary<string, string>(Load.Inherited) { ["PATH"] = bin } };
    }
}
