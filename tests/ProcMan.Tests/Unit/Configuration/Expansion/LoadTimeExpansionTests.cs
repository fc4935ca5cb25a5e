using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Expansion;

/// <summary>
/// <c>$VAR</c> at load time: across the whole file in process-compose's dialect, only in typed
/// values in ProcMan's; from ProcMan's environment and the .env file; off with disable_env_expansion.
/// </summary>
public sealed class LoadTimeExpansionTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static LoadOptions With(params (string Name, string Value)[] variables) => Load.Options with
    {
        InheritedEnvironment = new Dictionary<string, string>(Load.Inherited.Concat(variables.Select(v => KeyValuePair.Create(v.Name, v.Value)))),
    };

    [Fact]
    public void A_process_compose_file_expands_variables_in_every_value()
    {
        _directory.Write(".env", "VERSION=1.2.3\nWAIT=4\n");
        var process = Load.File(_directory.Write("process-compose.yaml", """
            environment:
              - "GREETING=hello $USER_NAME"
            processes:
              downloader:
                command: "python3 download_${VERSION}.py --home $HOME"
                description: v${VERSION}
                availability:
                  restart: always
                  backoff_seconds: ${WAIT}
            """), With(("USER_NAME", "ann"))).Processes.Single();

        process.Definition!.Command.Should().Be("python3 download_1.2.3.py --home /home/tester");
        process.Definition!.Description.Should().Be("v1.2.3");
        process.Definition!.Availability.Backoff.Should().Be(TimeSpan.FromSeconds(4));
        process.Environment["GREETING"].Should().Be("hello ann");
    }

    [Fact]
    public void A_double_dollar_is_a_literal_dollar_left_for_the_shell()
    {
        var process = Load.File(_directory.Write("process-compose.yaml", """
            processes:
              foo:
                command: echo I am $$ENV_TEST and ${ENV_TEST}
                environment: [ENV_TEST=ready]
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("echo I am $ENV_TEST and ");
    }

    [Fact]
    public void Disable_env_expansion_leaves_every_value_as_written()
    {
        var process = Load.File(_directory.Write("process-compose.yaml", """
            disable_env_expansion: true
            processes:
              foo:
                command: echo $HOME $$ ${X:-y}
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("echo $HOME $$ ${X:-y}");
    }

    [Fact]
    public void ProcMans_environment_wins_over_the_env_file_as_godotenv_load_does_not_override()
    {
        _directory.Write(".env", "SHARED=from-dotenv\n");
        var process = Load.File(_directory.Write("process-compose.yaml", """
            processes:
              foo:
                command: echo $SHARED
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("echo from-inherited");
    }

    [Fact]
    public void Is_dotenv_disabled_keeps_the_default_env_file_out_of_expansion_and_environments()
    {
        _directory.Write(".env", "SHARED=from-dotenv\nONLY_IN_DOTENV=1\n");
        var process = Load.File(_directory.Write("process-compose.yaml", """
            is_dotenv_disabled: true
            processes:
              foo:
                command: echo $SHARED
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("echo from-inherited");
        process.Environment.Should().NotContainKey("ONLY_IN_DOTENV");
    }

    [Fact]
    public void A_procman_file_leaves_strings_to_the_shell_but_expands_typed_values()
    {
        var definition = Load.File(_directory.Write("procfile.yml", """
            processes:
              web:
                command: echo $HOME
                replicas: ${N}
                environment: {GREETING: "hi $USER_NAME"}
                readiness_probe:
                  exec: {command: test -f $HOME/ready}
                  initial_delay_seconds: $DELAY
                  period_seconds: ${PERIOD:-2}
            """), With(("N", "3"), ("DELAY", "0.5"), ("USER_NAME", "ann"))).Document.Processes.Single();

        definition.Command.Should().Be("echo $HOME");
        definition.Replicas.Should().Be(3);
        definition.Environment.Single().Value.Should().Be("hi $USER_NAME");
        definition.ReadinessProbe!.Check.Should().Be(new ExecProbeCheck("test -f $HOME/ready"));
        definition.ReadinessProbe.InitialDelay.Should().Be(TimeSpan.FromSeconds(0.5));
        definition.ReadinessProbe.Period.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void I_can_write_a_probe_port_as_a_variable_in_a_process_compose_file()
    {
        _directory.Write(".env", "API_PORT=7001\n");
        var process = Load.File(_directory.Write("process-compose.yaml", """
            processes:
              api:
                command: serve
                readiness_probe:
                  http_get: {host: 127.0.0.1, port: "${API_PORT}", path: /health}
            """)).Processes.Single();

        var check = (HttpProbeCheck)process.Definition!.ReadinessProbe!.Check;
        check.Port.TryResolve(process.Environment, process.Name, out var port, out _).Should().BeTrue();
        port.Should().Be(7001);
    }

    [Fact]
    public void A_typed_value_that_expands_to_something_wrong_is_reported_where_it_was_written()
    {
        var errors = Load.Errors(_directory.Write("process-compose.yaml", """
            processes:
              web:
                command: serve
                replicas: ${N}
                readiness_probe:
                  exec: {command: "true"}
                  period_seconds: "$UNSET"
            """), With(("N", "many")));

        errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            $"{_directory.Path}/process-compose.yaml:4:15: `replicas` in process `web`: expected a whole number, got `many` (expanded from `${{N}}`)",
            $"{_directory.Path}/process-compose.yaml:7:23: `period_seconds` in `readiness_probe` of process `web`: expected a number of seconds, got `` (expanded from `$UNSET`)");
    }

    [Fact]
    public void A_procman_typed_value_that_expands_to_something_wrong_is_reported_where_it_was_written()
    {
        var errors = Load.Errors(_directory.Write("procfile.yml", """
            processes:
              web:
                command: serve
                replicas: ${N}
                disabled: $UNSET
            """), With(("N", "-2")));

        errors.Select(e => e.Message).Should().BeEquivalentTo(
            "`replicas` in process `web` must be 0 or more, got -2",
            "`disabled` in process `web`: expected true or false, got nothing (`$UNSET` expands to nothing)");
        errors.Select(e => (e.Line, e.Column)).Should().BeEquivalentTo(new[] { (4, 15), (5, 15) });
    }

    [Fact]
    public void A_form_it_does_not_expand_is_an_error_naming_the_value()
    {
        var errors = Load.Errors(_directory.Write("process-compose.yaml", """
            processes:
              web:
                command: echo ${NAME/a/b}
            """));

        errors.Single().Message.Should().StartWith("cannot expand `echo ${NAME/a/b}`: `${NAME/a/b}` is a form ProcMan does not expand");
        (errors.Single().Line, errors.Single().Column).Should().Be((3, 14));
    }

    [Fact]
    public void An_aliased_value_is_expanded_once()
    {
        var processes = Load.File(_directory.Write("process-compose.yaml", """
            processes:
              a:
                command: &cmd echo $$HOME
              b:
                command: *cmd
            """)).Processes;

        processes.Select(p => p.Definition!.Command).Should().Equal("echo $HOME", "echo $HOME");
    }
}
