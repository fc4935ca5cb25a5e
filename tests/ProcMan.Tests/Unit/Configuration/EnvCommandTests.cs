using System.Diagnostics;
using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Processes.Linux;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>The top-level <c>env_cmds</c>, run by the loader with real (tiny) sh commands.</summary>
public sealed class EnvCommandTests : IDisposable
{
    private readonly TestDirectory _directory = new();
    private readonly LinuxProcessLauncher _launcher = new();

    public void Dispose()
    {
        _launcher.Dispose();
        _directory.Dispose();
    }

    private LoadOptions Running(TimeSpan? timeout = null) =>
        Load.Options with { EnvCommands = new EnvCommandRunner(_launcher) { Timeout = timeout ?? EnvCommandRunner.DefaultTimeout } };

    [Fact]
    public void A_process_compose_file_with_env_cmds_gives_every_process_their_trimmed_output()
    {
        var path = _directory.Write("process-compose.yaml", """
            env_cmds:
              GREETING: "printf '  hello world  \n\n'"
              WHERE: pwd
            processes:
              web:
                command: serve
              worker:
                command: work
            """);

        var loaded = Load.File(path, Running());

        loaded.Processes.Should().AllSatisfy(process =>
        {
            process.Environment["GREETING"].Should().Be("hello world");
            process.Environment["WHERE"].Should().Be(_directory.Path, "the commands run in the file's directory");
        });
    }

    [Fact]
    public void I_see_the_file_s_own_environment_win_over_env_cmds()
    {
        var path = _directory.Write("process-compose.yaml", """
            env_cmds:
              GREETING: echo from the command
            environment:
              GREETING: from the file
            processes:
              web:
                command: serve
            """);

        Load.File(path, Running()).Processes.Single().Environment["GREETING"].Should().Be("from the file");
    }

    [Fact]
    public void I_am_told_where_an_env_cmd_that_fails_is_written_and_why()
    {
        var path = _directory.Write("process-compose.yaml", """
            env_cmds:
              TOKEN: "echo no token here >&2; exit 4"
            processes:
              web:
                command: serve
            """);

        var error = Load.Errors(path, Running()).Should().ContainSingle().Subject;

        error.ToString().Should().Be($"{path}:2:10: `env_cmds.TOKEN`: `echo no token here >&2; exit 4` exited with code 4: no token here");
    }

    [Fact]
    public void I_am_told_of_an_env_cmd_that_hangs_and_ProcMan_does_not_hang_with_it()
    {
        var path = _directory.Write("process-compose.yaml", """
            env_cmds:
              SLOW: sleep 30
            processes:
              web:
                command: serve
            """);
        var clock = Stopwatch.StartNew();

        var error = Load.Errors(path, Running(TimeSpan.FromMilliseconds(300))).Should().ContainSingle().Subject;

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        error.ToString().Should().Be($"{path}:2:9: `env_cmds.SLOW`: `sleep 30` did not finish within 0.3 s; it was killed");
    }

    [Fact]
    public void I_can_check_a_file_with_env_cmds_without_running_them()
    {
        var marker = _directory.Combine("ran");
        var path = _directory.Write("process-compose.yaml", $$"""
            env_cmds:
              MARK: "touch {{marker}}; echo ran"
            processes:
              web:
                command: serve
            """);

        var loaded = Load.File(path);

        File.Exists(marker).Should().BeFalse("loading without a runner, as check does, runs no command");
        loaded.Processes.Single().Environment.Should().NotContainKey("MARK");
        loaded.Document.EnvCommands.Should().ContainSingle(command => command.Name == "MARK");
    }

    [Theory]
    [InlineData("env_cmds: [date]", "`env_cmds` at the top level: expected a mapping of variable names to commands")]
    [InlineData("env_cmds:\n  EMPTY: \"\"", "`env_cmds.EMPTY` at the top level is empty")]
    public void I_am_told_of_env_cmds_that_are_not_written_right(string lines, string message)
    {
        var path = _directory.Write("process-compose.yaml", lines + "\nprocesses:\n  web:\n    command: serve\n");

        Load.Errors(path, Running()).Should().ContainSingle().Which.Message.Should().StartWith(message);
    }
}
