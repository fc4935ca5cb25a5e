using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>An http_get probe without <c>port</c>: the scheme's port in a process-compose file, the process's PORT in a ProcMan file.</summary>
public sealed class ProcessComposeProbePortTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private HttpProbeCheck CheckOf(string fileName, string httpGet) =>
        (HttpProbeCheck)Load.File(_directory.Write(fileName, $"processes:\n  web:\n    command: ./server\n    readiness_probe:\n      http_get: {httpGet}\n"))
            .Processes.Single().Definition!.ReadinessProbe!.Check;

    [Theory]
    [InlineData("{path: /health}", "http://127.0.0.1:80/health")]
    [InlineData("{scheme: https}", "https://127.0.0.1:443/")]
    [InlineData("{host: localhost, port: 8080}", "http://localhost:8080/")]
    public void A_process_compose_file_probes_the_scheme_s_port_when_none_is_written(string httpGet, string url)
    {
        CheckOf("process-compose.yaml", httpGet).Text.Should().Be(url);
    }

    [Fact]
    public void A_procman_file_probes_the_process_s_own_port_when_none_is_written()
    {
        var check = CheckOf("procfile.yml", "{path: /health}");

        check.Port.Variable.Should().Be("PORT");
        check.Port.Written.Should().BeFalse();
    }
}
