using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class EnvironmentPrecedenceTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// Each level sets LEVELn for n at or above it, so the variable LEVELn shows which level won:
    /// inherited (0) &lt; top-level env_file (1) &lt; top-level environment (2) &lt; process env_file (3) &lt; process environment (4).
    /// </summary>
    [Theory]
    [InlineData("LEVEL0", "inherited")]
    [InlineData("LEVEL1", "top env_file")]
    [InlineData("LEVEL2", "top environment")]
    [InlineData("LEVEL3", "process env_file")]
    [InlineData("LEVEL4", "process environment")]
    public void Each_level_overrides_the_ones_below_it(string variable, string winner)
    {
        _directory.Write("top.env", "LEVEL1='top env_file'\nLEVEL2='top env_file'\nLEVEL3='top env_file'\nLEVEL4='top env_file'\n");
        _directory.Write("web.env", "LEVEL3='process env_file'\nLEVEL4='process env_file'\n");
        var path = _directory.Write("procman.yaml", """
            env_file: top.env
            environment:
              LEVEL2: top environment
              LEVEL3: top environment
              LEVEL4: top environment
            processes:
              web:
                command: serve
                env_file: web.env
                environment:
                  LEVEL4: process environment
            """);
        var inherited = Enumerable.Range(0, 5).ToDictionary(i => $"LEVEL{i}", _ => "inherited");

        var environment = ProcfileLoader.Load(path, new LoadOptions { InheritedEnvironment = inherited }).Processes.Single().Environment;

        environment[variable].Should().Be(winner);
    }

    [Fact]
    public void Top_level_env_files_apply_in_the_order_written()
    {
        _directory.Write("a.env", "KEY=a\nONLY_A=yes\n");
        _directory.Write("b.env", "KEY=b\n");
        var path = _directory.Write("procman.yaml", "env_file: [a.env, b.env]\nprocesses:\n  web:\n    command: serve\n");

        var environment = Load.File(path).Processes.Single().Environment;

        environment["KEY"].Should().Be("b");
        environment["ONLY_A"].Should().Be("yes");
    }

    [Fact]
    public void The_child_inherits_the_whole_environment_and_one_process_does_not_leak_into_another()
    {
        var path = _directory.Write("procman.yaml", """
            processes:
              web:
                command: serve
                environment: { ONLY_WEB: "1" }
              worker:
                command: work
            """);

        var processes = Load.File(path).Processes;

        processes[0].Environment.Should().Contain("HOME", "/home/tester").And.Contain("ONLY_WEB", "1");
        processes[1].Environment.Should().Contain("HOME", "/home/tester").And.NotContainKey("ONLY_WEB");
    }

    [Fact]
    public void The_default_env_file_is_read_when_present_and_optional_when_absent()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n");

        Load.File(path).Processes.Single().Environment.Should().NotContainKey("FROM_DOTENV");

        _directory.Write(".env", "FROM_DOTENV=yes\n");
        Load.File(path).Processes.Single().Environment.Should().Contain("FROM_DOTENV", "yes");
    }

    [Fact]
    public void No_env_file_turns_off_the_default_env_file()
    {
        _directory.Write(".env", "FROM_DOTENV=yes\n");
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n");

        var environment = Load.File(path, Load.Options with { NoEnvFile = true }).Processes.Single().Environment;

        environment.Should().NotContainKey("FROM_DOTENV");
    }

    [Fact]
    public void A_top_level_env_file_key_replaces_the_default_env_file()
    {
        _directory.Write(".env", "FROM_DOTENV=yes\n");
        _directory.Write("other.env", "FROM_OTHER=yes\n");
        var path = _directory.Write("procman.yaml", "env_file: other.env\nprocesses:\n  web:\n    command: serve\n");

        var environment = Load.File(path).Processes.Single().Environment;

        environment.Should().NotContainKey("FROM_DOTENV").And.Contain("FROM_OTHER", "yes");
    }

    [Fact]
    public void Env_files_from_the_command_line_replace_the_default_and_override_top_level_env_files()
    {
        _directory.Write(".env", "FROM_DOTENV=yes\n");
        _directory.Write("top.env", "KEY=top\nTOP_ONLY=yes\n");
        var cli1 = _directory.Write("cli/one.env", "KEY=one\n");
        var cli2 = _directory.Write("cli/two.env", "KEY=two\nTWO=yes\n");
        var path = _directory.Write("procman.yaml", "env_file: top.env\nenvironment:\n  TOP_ENV: x\nprocesses:\n  web:\n    command: serve\n");

        var environment = Load.File(path, Load.Options with { EnvFiles = [cli1, cli2] }).Processes.Single().Environment;

        environment.Should().NotContainKey("FROM_DOTENV");
        environment.Should().Contain("KEY", "two").And.Contain("TOP_ONLY", "yes").And.Contain("TWO", "yes").And.Contain("TOP_ENV", "x");
    }

    [Fact]
    public void A_missing_command_line_env_file_is_reported_by_name()
    {
        var path = _directory.Write("Procfile", "web: serve\n");
        var missing = Path.Combine(_directory.Path, "nope.env");

        Load.Errors(path, Load.Options with { EnvFiles = [missing] }).Should().ContainSingle()
            .Which.Should().Be(new ConfigurationError(missing, null, null, "file not found"));
    }

    [Fact]
    public void Errors_in_env_files_are_reported_with_those_of_the_configuration_and_only_once()
    {
        _directory.Write("shared.env", "GOOD=1\nnot an assignment\n");
        var path = _directory.Write("procman.yaml", """
            processes:
              web:
                command: serve
                env_file: shared.env
                replicas: nope
              worker:
                command: work
                env_file: shared.env
            """);

        var errors = Load.Errors(path);

        errors.Select(e => (Path.GetFileName(e.File), e.Line)).Should().Equal(("procman.yaml", 5), ("shared.env", 2));
    }

    [Fact]
    public void Env_file_values_expand_from_the_inherited_environment()
    {
        _directory.Write(".env", "BIN=$HOME/bin\n");
        var path = _directory.Write("Procfile", "web: serve\n");

        Load.File(path).Processes.Single().Environment["BIN"].Should().Be("/home/tester/bin");
    }
}
