using ProcMan.Configuration;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// An HTTP GET with <paramref name="headers"/>; a 2xx or 3xx answer is a success (as in
/// Kubernetes), or exactly <paramref name="statusCode"/> when one is given (process-compose's key).
/// </summary>
internal sealed class HttpCheck(Uri uri, IReadOnlyList<KeyValuePair<string, string>> headers, int? statusCode = null) : IProbeCheck
{
    // One client for all probes: sockets are pooled, and redirects are answers, not things to follow.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<ProbeResult> RunAsync(CancellationToken deadline)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var success = statusCode is { } expected ? code == expected : code is >= 200 and < 400;
            return new ProbeResult(success, $"GET {uri} answered {code}");
        }
        catch (HttpRequestException exception)
        {
            return new ProbeResult(false, $"GET {uri} failed: {exception.Message}");
        }
    }

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, $"GET {uri} timed out after {timeout.TotalSeconds:0.###} s");
}
