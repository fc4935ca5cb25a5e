namespace ProcMan.Hosting;

/// <summary>
/// Tells a person's second Ctrl-C from signals that arrive together as one request: GNU
/// <c>timeout</c> signals ProcMan and then its own process group, a terminal's Ctrl-C reaches
/// every process of its group, a supervisor may send SIGTERM and SIGINT at once. Only a signal
/// at least <see cref="Window"/> after the first counts as a second request (which forces).
/// </summary>
internal sealed class SignalBurst(TimeProvider time)
{
    /// <summary>Shorter than a person's double press, longer than a burst from one sender.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private long? _first;

    /// <summary>Whether this signal is a request of its own: the first one, or one a window after it.</summary>
    public bool IsNewRequest()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_first is not { } first)
            {
                _first = now;
                return true;
            }
            return time.GetElapsedTime(first, now) >= Window;
        }
    }
}
