using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Processes;
using ProcMan.Supervision.Probes;
using ProcMan.Tests.Infrastructure;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>An http_get probe's port: a number, the process's PORT by default, or a variable of each instance's environment.</summary>
public sealed class ProbePortTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_can_leave_out_the_port_and_each_replica_probes_its_own_PORT()
    {
        var loaded = Load.File(_directory.Write("procman.yaml", """
            processes:
              web:
                command: serve
                replicas: 2
                readiness_probe:
                  http_get: {path: /health}
            """));

        PortsOf(loaded, "web", p => p.ReadinessProbe).Should().Equal(5000, 5001);
    }

    [Theory]
    [InlineData("$PORT", new[] { 5000, 5001 })]
    [InlineData("${PORT}", new[] { 5000, 5001 })]
    [InlineData("\"${ADMIN_PORT}\"", new[] { 9100, 9100 })]
    [InlineData("$ADMIN_PORT", new[] { 9100, 9100 })]
    [InlineData("8080", new[] { 8080, 8080 })]
    public void I_can_write_the_port_as_a_variable_of_the_process_environment(string port, int[] expected)
    {
        var loaded = Load.File(_directory.Write("procman.yaml", $"""
            processes:
              web:
                command: serve
                replicas: 2
                environment: {"{"}ADMIN_PORT: "9100"{"}"}
                liveness_probe:
                  http_get:
                    port: {port}
            """));

        PortsOf(loaded, "web", p => p.LivenessProbe).Should().Equal(expected);
    }

    [Fact]
    public void I_can_see_a_variable_port_as_written_in_check()
    {
        var loaded = Load.File(_directory.Write("procman.yaml", "processes:\n  web:\n    command: serve\n    readiness_probe:\n      http_get: {path: /up}\n"));

        var check = (HttpProbeCheck)loaded.Document.Processes.Single().ReadinessProbe!.Check;
        check.Text.Should().Be("http://127.0.0.1:${PORT}/up");
    }

    [Theory]
    [InlineData("      http_get:\n        port: ${NOPE}\n", "`port` in `readiness_probe.http_get` of process `web` is `${NOPE}`, but NOPE is not set for `web.1`: set it in the process's `environment` or an env file", 8, 15)]
    [InlineData("      http_get:\n        port: $WORD\n", "`port` in `readiness_probe.http_get` of process `web` is `${WORD}`, but WORD of `web.1` is not a port number (1-65535)", 8, 15)]
    [InlineData("      http_get:\n        port: $BIG\n", "`port` in `readiness_probe.http_get` of process `web` is `${BIG}`, but BIG of `web.1` is not a port number (1-65535)", 8, 15)]
    [InlineData("      http_get:\n        port: ${PORT\n", "`port` in `readiness_probe.http_get` of process `web`: expected a port number (1-65535) or a variable (`$PORT`, `${PORT}`), got `${PORT`", 8, 15)]
    [InlineData("      http_get:\n        port: 1${PORT}\n", "expected a port number (1-65535) or a variable (`$PORT`, `${PORT}`), got `1${PORT}`", 8, 15)]
    public void ProcMan_refuses_a_probe_port_that_does_not_expand_to_a_port_at_its_line_and_column(string check, string message, int line, int column)
    {
        var path = _directory.Write("procman.yaml",
            "processes:\n  web:\n    command: serve\n    replicas: 2\n    environment: {WORD: secret-word, BIG: \"70000\"}\n    readiness_probe:\n" + check);

        var errors = Load.Errors(path);

        errors.Should().ContainSingle($"one error per probe, not per replica; the errors were:\n{string.Join('\n', errors)}")
            .Which.Should().Match<ConfigurationError>(e => e.Message.EndsWith(message) && e.Line == line && e.Column == column && e.File == path);
        errors.Single().Message.Should().NotContain("secret-word", "a misplaced secret must not reach an error message");
    }

    [Theory]
    [InlineData("PORT: \"\"", "no `port` in `readiness_probe.http_get` of process `web`, and `web` has no PORT to default to: set `port`, or PORT in the process's `environment`")]
    [InlineData("PORT: web", "no `port` in `readiness_probe.http_get` of process `web`, and the PORT of `web` is not a port number (1-65535): set `port`, or PORT to a port number")]
    public void ProcMan_refuses_a_probe_without_port_when_the_process_has_no_usable_PORT(string environment, string message)
    {
        var path = _directory.Write("procman.yaml",
            $"processes:\n  web:\n    command: serve\n    environment: {{{environment}}}\n    readiness_probe:\n      http_get: {{path: /}}\n");

        Load.Errors(path).Select(e => e.ToString()).Should().Equal($"{path}:6:17: {message}");
    }

    [Fact]
    public async Task ProcMan_reports_a_port_that_does_not_resolve_at_start_as_a_failed_attempt()
    {
        var check = new HttpProbeCheck("http", "127.0.0.1", ProbePort.FromVariable("PORT", new SourcePosition("p.yml", 1, 1), "in `readiness_probe.http_get` of process `web`", written: false), "/");
        var spec = new ProcessSpec("web", ["serve"], "/tmp", new Dictionary<string, string>());

        var probe = ProbeChecks.Create(check, spec, new ScriptedLauncher());

        var attempt = () => probe.RunAsync(CancellationToken.None);
        (await attempt.Should().ThrowAsync<ProcessStartException>())
            .Which.Message.Should().Be("no `port` in `readiness_probe.http_get` of process `web`, and `web` has no PORT to default to: set `port`, or PORT in the process's `environment`");
    }

    private static int[] PortsOf(LoadedConfiguration loaded, string process, Func<ProcessDefinition, Probe?> probe)
    {
        var plan = loaded.Plans.Single(p => p.Definition.Name == process);
        var port = ((HttpProbeCheck)probe(plan.Definition)!.Check).Port;
        return [.. plan.Instances.Select(instance => port.TryResolve(instance.Environment, instance.Name, out var resolved, out var problem) ? resolved : throw new InvalidOperationException(problem))];
    }
}
