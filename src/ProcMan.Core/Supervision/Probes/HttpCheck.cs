using ProcMan.Configuration;

namespace ProcMan.Supervision.Probes;

/// <summary>An HTTP GET; a 2xx or 3xx answer is a success (as in Kubernetes).</summary>
internal sealed class HttpCheck(Uri uri) : IProbeCheck
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
            using var response = await Client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, deadline).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new ProbeResult(code is >= 200 and < 400, $"GET {uri} answered {code}");
        }
        catch (HttpRequestException exception)
        {
            return new ProbeResult(false, $"GET {uri} failed: {exception.Message}");
        }
    }

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, $"GET {uri} timed out after {timeout.TotalSeconds:0.###} s");
}
