using ProcMan.Configuration;

namespace ProcMan.Supervision.Probes;

/// <summary>An HTTP GET; a 2xx or 3xx answer is a success (as in Kubernetes).</summary>
internal sealed class HttpCheck(HttpProbeCheck check) : IProbeCheck
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
            using var response = await Client.GetAsync(check.Uri, HttpCompletionOption.ResponseHeadersRead, deadline).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new ProbeResult(code is >= 200 and < 400, $"GET {check.Uri} answered {code}");
        }
        catch (HttpRequestException exception)
        {
            return new ProbeResult(false, $"GET {check.Uri} failed: {exception.Message}");
        }
    }

    public ProbeResult TimedOut(TimeSpan timeout) => new(false, $"GET {check.Uri} timed out after {timeout.TotalSeconds:0.###} s");
}
