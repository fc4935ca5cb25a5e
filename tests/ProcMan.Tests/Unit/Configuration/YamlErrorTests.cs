using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

public sealed class YamlErrorTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("processes:\n  web:\n    comand: run\n", "unknown key `comand` in process `web`; did you mean `command`?", 3, 5)]
    [InlineData("proceses:\n  web:\n    command: run\n", "unknown key `proceses` at the top level; did you mean `processes`?", 1, 1)]
    [InlineData("processes:\n  web:\n    command: run\n    replica: 2\n", "did you mean `replicas`?", 4, 5)]
    [InlineData("processes:\n  web:\n    command: run\n    colour: red\n", "unknown key `colour` in process `web`", 4, 5)]
    [InlineData("processes:\n  web:\n    command: a\n    command: b\n", "duplicate key `command` (first defined on line 3)", 4, 5)]
    [InlineData("processes:\n  web:\n    command: a\n  web:\n    command: b\n", "duplicate key `web` (first defined on line 2)", 4, 3)]
    [InlineData("processes:\n  web:\n    command: run\n    replicas: many\n", "`replicas` in process `web`: expected a whole number, got `many`", 4, 15)]
    [InlineData("processes:\n  web:\n    command: run\n    replicas: -1\n", "`replicas` in process `web` must be 0 or more, got -1", 4, 15)]
    [InlineData("processes:\n  web:\n    command: {a: 1}\n", "`command` in process `web`: expected a string, got a mapping", 3, 14)]
    [InlineData("processes:\n  web:\n    command:\n", "`command` in process `web`: expected a string, got nothing", 3, 13)]
    [InlineData("processes:\n  web:\n    command: \"  \"\n", "`command` in process `web` is empty", 3, 14)]
    [InlineData("processes:\n  web:\n    entrypoint: run\n", "`entrypoint` in process `web`: expected a list of strings, got `run`", 3, 17)]
    [InlineData("processes:\n  web:\n    entrypoint: []\n", "`entrypoint` in process `web` is empty", 3, 17)]
    [InlineData("processes:\n  web:\n    command: run\n    disabled: yes\n", "`disabled` in process `web`: expected true or false, got `yes`", 4, 15)]
    [InlineData("processes:\n  web:\n    command: run\n    entrypoint: [run]\n", "process `web` has both `command` and `entrypoint`", 4, 17)]
    [InlineData("processes:\n  web:\n    description: nothing to run\n", "process `web` needs a `command` (run by /bin/sh) or an `entrypoint` (an argv)", 2, 3)]
    [InlineData("processes:\n  \"my web\":\n    command: run\n", "process name `my web` must not contain whitespace", 2, 3)]
    [InlineData("processes:\n  \"a|b\":\n    command: run\n", "process name `a|b` must not contain `|`", 2, 3)]
    [InlineData("processes:\n  ProcMan:\n    command: run\n", "`ProcMan` is reserved for ProcMan's own messages", 2, 3)]
    [InlineData("processes:\n  \"\":\n    command: run\n", "a process name must not be empty", 2, 3)]
    [InlineData("processes:\n  web: run\n", "process `web`: expected a mapping (with `command` or `entrypoint`), got `run`", 2, 8)]
    [InlineData("processes: {}\n", "`processes` is empty: declare at least one process", 1, 12)]
    [InlineData("processes:\n  - web\n", "`processes` at the top level: expected a mapping of process names, got a list", 2, 3)]
    [InlineData("version: \"1\"\n", "missing `processes` at the top level", 1, 1)]
    [InlineData("- web\n- worker\n", "expected a mapping at the top level (with `processes`), got a list", 1, 1)]
    [InlineData("environment:\n  - FOO bar\nprocesses:\n  web:\n    command: run\n", "`environment` at the top level: expected KEY=VALUE, but `FOO` has no `=`", 2, 5)]
    [InlineData("environment: FOO=1\nprocesses:\n  web:\n    command: run\n", "`environment` at the top level: expected a mapping or a list of KEY=VALUE, got a string", 1, 14)]
    [InlineData("processes:\n  web:\n    command: run\n    environment:\n      FOO: [1, 2]\n", "`environment.FOO` in process `web`: expected a string, got a list", 5, 12)]
    [InlineData("processes:\n  web:\n    command: run\n    working_dir: nowhere\n", "working directory `nowhere` does not exist", 4, 18)]
    [InlineData("processes:\n  web:\n    command: run\n    env_file: [missing.env]\n", "missing.env` not found", 4, 16)]
    [InlineData("env_file: missing.env\nprocesses:\n  web:\n    command: run\n", "missing.env` not found", 1, 11)]
    [InlineData("processes:\n  web:\n    command: \"never closed\n", "invalid YAML", 3, 14)]
    [InlineData("processes:\n  web:\n    command: run\n   bad: indentation\n", "invalid YAML", 4, 4)]
    [InlineData("processes:\n  web:\n    command: run\n  worker:\n\tcommand: work\n", "invalid YAML", 5, 1)]
    [InlineData("x: &d\n  command: x\nprocesses:\n  web:\n    <<: *d\n", "YAML merge keys (`<<`) are not supported in process `web`", 5, 5)]
    [InlineData("processes:\n  web:\n    command: a\n    replicas: 2\n  web.1:\n    command: b\n", "process `web.1` would start an instance named `web.1`, which process `web` also does", 5, 3)]
    [InlineData("processes:\n  web:\n    command: run\n---\nprocesses: {}\n", "expected a single YAML document", 5, 1)]
    public void I_get_the_message_line_and_column_of_each_mistake_in_a_yaml_file(string yaml, string message, int line, int column)
    {
        var path = WriteConfiguration(yaml);

        var errors = Load.Errors(path);

        errors.Should().Contain(
            e => e.Message.Contains(message) && e.Line == line && e.Column == column && e.File == path,
            $"the errors were:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void I_get_the_line_and_column_of_an_unknown_key_with_a_suggestion()
    {
        var path = WriteConfiguration("processes:\n  web:\n    command: serve\n    workdir: src\n    enviroment: { A: b }\n");

        Load.Errors(path).Select(e => e.ToString()).Should().Equal(
            $"{path}:4:5: unknown key `workdir` in process `web`",
            $"{path}:5:5: unknown key `enviroment` in process `web`; did you mean `environment`?");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    [InlineData("~\n")]
    public void I_am_told_an_empty_file_is_empty(string yaml)
    {
        var path = WriteConfiguration(yaml);

        var errors = Load.Errors(path);

        errors.Should().ContainSingle().Which.Should().Be(
            new ConfigurationError(path, null, null, "the file is empty: expected a `processes` mapping"));
    }

    [Fact]
    public void I_see_every_mistake_of_a_file_at_once_in_reading_order()
    {
        var path = WriteConfiguration("""
            verison: 1
            processes:
              web:
                command: run
                replicas: lots
              worker:
                comand: work
              "bad name":
                entrypoint: [a]
            """);

        var exception = Assert.Throws<ConfigurationException>(() => Load.File(path));

        exception.Errors.Select(e => (e.Line, e.Column)).Should().Equal(
            (1, 1), (5, 15), (6, 3), (7, 5), (8, 3));
        exception.Errors[0].Message.Should().Be("unknown key `verison` at the top level; did you mean `version`?");
        exception.Errors[3].Message.Should().Be("unknown key `comand` in process `worker`; did you mean `command`?");
        exception.Message.Split('\n').Should().Equal(exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void I_see_every_duplicate_key_not_just_the_first()
    {
        var path = WriteConfiguration("""
            processes:
              web:
                command: a
                command: b
              worker:
                command: c
                replicas: 1
                replicas: 2
            """);

        var errors = Load.Errors(path);

        errors.Select(e => e.ToString()).Should().Equal(
            $"{path}:4:5: duplicate key `command` (first defined on line 3)",
            $"{path}:8:5: duplicate key `replicas` (first defined on line 7)");
    }

    [Fact]
    public void I_am_told_when_the_configuration_file_does_not_exist()
    {
        var path = Path.Combine(_directory.Path, "procman.yaml");

        var exception = Assert.Throws<ConfigurationException>(() => ProcfileLoader.Load(path, Load.Options));

        exception.Errors.Should().ContainSingle().Which.Should().Be(new ConfigurationError(path, null, null, "file not found"));
        exception.Message.Should().Be($"{path}: file not found");
    }

    [Fact]
    public void I_can_alias_a_whole_value_defined_elsewhere_in_the_file()
    {
        var path = WriteConfiguration("""
            environment: &common
              SHARED_BY_ANCHOR: "yes"
            processes:
              web:
                command: serve
                environment: *common
            """);

        Load.File(path).Processes.Single().Environment.Should().Contain("SHARED_BY_ANCHOR", "yes");
    }

    private string WriteConfiguration(string yaml) => _directory.Write("procman.yaml", yaml);
}
