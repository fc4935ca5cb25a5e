using System.Net;
using System.Net.Sockets;
using System.Text;
using FluentAssertions;
using ProcMan.Supervision.Probes;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>An http_get probe against a real loopback server: the headers it sends, the answers it accepts.</summary>
public sealed class HttpProbeSpecs : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public HttpProbeSpecs() => _listener.Start();

    public void Dispose() => _listener.Dispose();

    private Uri Health => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/health");

    /// <summary>Answers one request with <paramref name="status"/>; returns the request's head as received.</summary>
    private async Task<string> AnswerOnceAsync(int status)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return head.ToString();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_probe_sends_its_headers()
    {
        var answered = AnswerOnceAsync(200);
        var check = new HttpCheck(Health, [KeyValuePair.Create("Authorization", "Bearer t0ken"), KeyValuePair.Create("X-Probe", "procman")]);

        var result = await check.RunAsync(CancellationToken.None);

        result.Success.Should().BeTrue();
        (await answered).Should().Contain("Authorization: Bearer t0ken\r\n").And.Contain("X-Probe: procman\r\n");
    }

    [Theory(Timeout = 10_000)]
    [InlineData(204, null, true)]
    [InlineData(301, null, true)]
    [InlineData(404, null, false)]
    [InlineData(204, 200, false)]
    [InlineData(200, 200, true)]
    [InlineData(503, 503, true)]
    public async Task A_probe_passes_on_a_2xx_or_3xx_answer_or_exactly_its_status_code(int status, int? statusCode, bool passes)
    {
        var answered = AnswerOnceAsync(status);
        var check = new HttpCheck(Health, [], statusCode);

        var result = await check.RunAsync(CancellationToken.None);
        await answered;

        result.Success.Should().Be(passes);
        result.Summary.Should().Contain($"answered {status}");
    }
}
