using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>
/// An <c>environment</c> list entry that is only a name (<c>- FOO</c>) sets nothing, as in
/// process-compose: the variable keeps the value it has without the entry, and stays unset if
/// it has none. Each case runs in both dialects.
/// </summary>
public sealed class EnvironmentWithoutValueTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_process_entry_without_a_value_keeps_the_inherited_value(bool processCompose)
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n    environment:\n      - SHARED\n      - OWN=1\n");

        var environment = LoadIn(path, processCompose).Processes.Single().Environment;

        environment["SHARED"].Should().Be("from-inherited");
        environment["OWN"].Should().Be("1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_without_a_value_for_an_unset_variable_leaves_it_unset(bool processCompose)
    {
        var path = _directory.Write("procman.yaml", "environment:\n  - NOT_SET_ANYWHERE\nprocesses:\n  web:\n    command: serve\n    environment: [ALSO_NOT_SET]\n");

        var loaded = LoadIn(path, processCompose);

        loaded.Processes.Single().Environment.Should().NotContainKeys("NOT_SET_ANYWHERE", "ALSO_NOT_SET");
        loaded.TopLevelEnvironment.Should().NotContainKey("NOT_SET_ANYWHERE");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_entry_without_a_value_does_not_override_an_env_file_or_the_top_level_environment(bool processCompose)
    {
        _directory.Write("top.env", "FROM_FILE=from-env-file\n");
        var path = _directory.Write("procman.yaml", """
            env_file: top.env
            environment:
              - TOP=from-top-level
            processes:
              web:
                command: serve
                environment:
                  - FROM_FILE
                  - TOP
            """);

        var environment = LoadIn(path, processCompose).Processes.Single().Environment;

        environment["FROM_FILE"].Should().Be("from-env-file");
        environment["TOP"].Should().Be("from-top-level");
    }

    [Fact]
    public void A_top_level_entry_without_a_value_keeps_the_inherited_value()
    {
        var path = _directory.Write("process-compose.yaml", "environment:\n  - SHARED\nprocesses:\n  web:\n    command: serve\n");

        var loaded = Load.File(path);

        loaded.TopLevelEnvironment["SHARED"].Should().Be("from-inherited");
        loaded.Processes.Single().Environment["SHARED"].Should().Be("from-inherited");
    }

    [Fact]
    public void An_entry_that_is_not_a_name_is_still_an_error_that_hides_what_follows_the_name()
    {
        var path = _directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n    environment:\n      - TOKEN s3cret\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;

        error.Should().Be(new ConfigurationError(path, 5, 9, "`environment` in process `web`: expected KEY=VALUE, but `TOKEN` has no `=`"));
    }

    private static LoadedConfiguration LoadIn(string path, bool processCompose) =>
        Load.File(path, Load.Options with { Dialect = processCompose ? ConfigurationDialect.ProcessCompose : ConfigurationDialect.ProcMan });
}
