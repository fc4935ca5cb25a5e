using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration.Expansion;

/// <summary>
/// <c>vars</c> and <c>{{.NAME}}</c>: rendered in process-compose's fields, process vars over the
/// top level's, after <c>$VAR</c> expansion; anything but a var reference is refused by name.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_process_compose_file_renders_vars_in_the_fields_process_compose_renders()
    {
        _directory.Write("logs/.keep", string.Empty);
        var process = Load.File(_directory.Write("process-compose.yaml", """
            vars:
              PORT: 8080
              LOGS: logs
            processes:
              web:
                vars: {PORT: 9090}
                command: "serve --port {{.PORT}}"
                description: "web on {{ .PORT }}"
                working_dir: "{{.LOGS}}"
                environment: ["WHERE={{.LOGS}}/web.log"]
                readiness_probe:
                  http_get: {port: "{{.PORT}}", path: "/{{.LOGS}}"}
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("serve --port 9090");
        process.Definition!.Description.Should().Be("web on 9090");
        process.Definition!.WorkingDirectory.Should().Be(Path.Combine(_directory.Path, "logs"));
        process.Environment["WHERE"].Should().Be("logs/web.log");
        process.Definition!.ReadinessProbe!.Check.Should().BeOfType<HttpProbeCheck>()
            .Which.Path.Should().Be("/logs");
    }

    [Fact]
    public void Templates_render_after_variables_expand()
    {
        var process = Load.File(_directory.Write("process-compose.yaml", """
            vars: {GREETING: "hello $WHO"}
            processes:
              hi:
                command: "echo {{.GREETING}}"
            """), Load.Options with { InheritedEnvironment = new Dictionary<string, string>(Load.Inherited) { ["WHO"] = "ann" } }).Processes.Single();

        process.Definition!.Command.Should().Be("echo hello ann");
    }

    [Fact]
    public void Is_template_disabled_keeps_a_process_as_written()
    {
        var process = Load.File(_directory.Write("process-compose.yaml", """
            vars: {NAME: x}
            processes:
              list:
                command: "docker ps --format '{{.Names}}'"
                is_template_disabled: true
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("docker ps --format '{{.Names}}'");
    }

    [Fact]
    public void A_procman_file_without_vars_keeps_braces_as_written()
    {
        var process = Load.File(_directory.Write("procfile.yml", """
            processes:
              list:
                command: "docker ps --format '{{.Names}}'"
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("docker ps --format '{{.Names}}'");
    }

    [Fact]
    public void A_procman_file_with_vars_renders_them()
    {
        var process = Load.File(_directory.Write("procfile.yml", """
            vars: {NAME: world}
            processes:
              hi:
                command: "echo hello {{.NAME}}"
            """)).Processes.Single();

        process.Definition!.Command.Should().Be("echo hello world");
    }

    [Theory]
    [InlineData("echo {{.MISSING}}", "`{{.MISSING}}` names no var (top-level or the process's `vars`; declared: NAME, PC_REPLICA_NUM)")]
    [InlineData("echo {{ .NAME | upper }}", "`{{ .NAME | upper }}` is not supported: only var references such as `{{.NAME}}` are")]
    [InlineData("echo {{if .NAME}}x{{end}}", "`{{if .NAME}}` is not supported")]
    [InlineData("echo {{.NAME", "opens a template that is never closed")]
    public void A_template_that_cannot_be_rendered_is_an_error_at_its_value(string command, string expected)
    {
        var path = _directory.Write("process-compose.yaml", $"""
            vars: {"{"}NAME: x{"}"}
            processes:
              hi:
                command: "{command}"
            """);

        var error = Load.Errors(path).Should().ContainSingle().Subject;
        error.Message.Should().Contain("template in `command` in process `hi`").And.Contain(expected);
        error.Line.Should().Be(4);
        error.Column.Should().Be(14);
    }

    [Fact]
    public void A_var_must_be_a_plain_value()
    {
        var error = Load.Errors(_directory.Write("process-compose.yaml", """
            vars:
              LIST: [a, b]
            processes:
              hi: {command: "echo hi"}
            """)).Should().ContainSingle().Subject;

        error.Message.Should().Contain("each var must be a name and a plain value");
        error.Line.Should().Be(2);
    }
}
