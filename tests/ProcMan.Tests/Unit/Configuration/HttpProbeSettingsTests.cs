using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>process-compose's http_get <c>headers</c> and <c>status_code</c>.</summary>
public sealed class HttpProbeSettingsTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private HttpProbeCheck CheckOf(string httpGet) =>
        (HttpProbeCheck)Load.File(_directory.Write("process-compose.yaml", $"processes:\n  web:\n    command: ./server\n    readiness_probe:\n      http_get: {httpGet}\n"))
            .Processes.Single().Definition!.ReadinessProbe!.Check;

    [Fact]
    public void I_can_send_headers_and_expect_one_status()
    {
        var check = CheckOf("{port: 8080, headers: {Authorization: Bearer x, X-Env: dev}, status_code: 204}");

        check.Headers.Should().Equal(KeyValuePair.Create("Authorization", "Bearer x"), KeyValuePair.Create("X-Env", "dev"));
        check.StatusCode.Should().Be(204);
    }

    [Fact]
    public void Without_them_no_header_is_added_and_any_2xx_or_3xx_passes()
    {
        var check = CheckOf("{port: 8080}");

        check.Headers.Should().BeNull();
        check.StatusCode.Should().BeNull();
    }

    [Theory]
    [InlineData("{port: 8080, status_code: 99}", "`status_code`")]
    [InlineData("{port: 8080, headers: [a, b]}", "expected a mapping of header names to values")]
    [InlineData("{port: 8080, headers: {'bad name': x}}", "each header must be a name")]
    public void Bad_headers_or_status_codes_are_errors_at_their_value(string httpGet, string expected)
    {
        var path = _directory.Write("process-compose.yaml", $"processes:\n  web:\n    command: ./server\n    readiness_probe:\n      http_get: {httpGet}\n");

        var error = Load.Errors(path).Should().ContainSingle().Subject;
        error.Line.Should().Be(5);
        error.Message.Should().Contain(expected);
    }
}
