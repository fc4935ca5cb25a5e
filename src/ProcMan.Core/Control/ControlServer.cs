using System.Net.Sockets;

namespace ProcMan.Control;

/// <summary>
/// The Unix domain socket of a running <c>procman up</c>: one connection per request, one JSON
/// request line in, JSON lines out. Transport only; <see cref="ControlHandler"/> answers.
/// </summary>
internal sealed class ControlServer : IAsyncDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Connections the kernel holds for ProcMan while it backs off or is busy: they take none of its descriptors.</summary>
    private const int ListenBacklog = 64;

    /// <summary>How long answers in progress (a <c>logs -f</c> writing its last lines) may take once ProcMan is done.</summary>
    private static readonly TimeSpan FinishGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long a client may take to send its request line: every command sends it at once.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan BriefAnswerTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinBackOff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(1);

    private readonly Socket _listener;
    private readonly TimeProvider _time;
    private readonly ControlClients _clients = ControlClients.ForThisProcess();
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _serving = [];
    private Task _accepting = Task.CompletedTask;
    private bool _removed;

    private ControlServer(string path, Socket listener, TimeProvider time)
    {
        Path = path;
        _listener = listener;
        _time = time;
    }

    public string Path { get; }

    /// <summary>
    /// Takes the socket at <paramref name="path"/>: replaces a stale one left by a killed
    /// instance, refuses when a live instance answers on it.
    /// </summary>
    /// <exception cref="AlreadyRunningException">Another instance serves this file.</exception>
    /// <exception cref="ControlSocketException">Something other than a socket of the user's is at <paramref name="path"/>.</exception>
    /// <param name="time">The clock of its timeouts and back-offs (default: the system's).</param>
    public static ControlServer Bind(string path, TimeProvider? time = null)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        if (ControlSocketPath.HasSocket(path))
        {
            if (IsAnswering(path))
                throw new AlreadyRunningException($"procman is already running for this file (control socket {path})");
            File.Delete(path); // Stale: its owner died without cleaning up.
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            throw new AlreadyRunningException($"procman is already running for this file (control socket {path})");
        }
        File.SetUnixFileMode(path, OwnerOnly);
        listener.Listen(ListenBacklog);
        return new ControlServer(path, listener, time ?? TimeProvider.System);
    }

    /// <summary>
    /// Starts answering requests with <paramref name="handler"/>; <paramref name="warn"/> is told,
    /// once per episode, of connections refused or cut short to keep ProcMan serving.
    /// </summary>
    public void Serve(ControlHandler handler, Action<string> warn)
    {
        _clients.Full += () => warn($"control socket: {_clients.Capacity} clients connected, the most served at once; closing the oldest idle ones to make room");
        _accepting = AcceptAsync(handler, warn);
    }

    /// <summary>
    /// Takes no more connections and removes the socket, answers in progress going on: once
    /// ProcMan is done, before a waiting <c>down</c> is answered, so that the <c>up</c> run
    /// right after it finds the file free. Once removed, the path may be another instance's.
    /// </summary>
    public async Task StopAcceptingAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        if (!_removed)
            File.Delete(Path);
        _removed = true;
    }

    public async ValueTask DisposeAsync()
    {
        // New requests are refused at once; those in progress get a moment to finish, so a
        // follower receives the last lines, which the drain has already handed over.
        await StopAcceptingAsync().ConfigureAwait(false);
        Task[] serving;
        lock (_serving)
            serving = [.. _serving];
        await Task.WhenAny(Task.WhenAll(serving), Task.Delay(FinishGrace, _time)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(serving).ConfigureAwait(false);
        _stopping.Dispose();
        _closing.Dispose();
    }

    private static bool IsAnswering(string path)
    {
        // Bounded: a live instance whose backlog is full would keep a blocking connect waiting.
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = 2000 };
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException exception)
        {
            // Busy is alive; refused (no listener) is stale.
            return exception.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock or SocketError.TimedOut;
        }
    }

    /// <summary>
    /// Accepts until the server is disposed. A failure to accept (EMFILE, ENFILE, ENOMEM) is
    /// passing: the connection waits in the backlog while this backs off, and an idle client
    /// is closed to give its descriptor back.
    /// </summary>
    private async Task AcceptAsync(ControlHandler handler, Action<string> warn)
    {
        var backOff = MinBackOff;
        var failing = false;
        while (!_closing.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_closing.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || _closing.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                if (!failing)
                    warn($"control socket: cannot accept a connection ({exception.Message}); retrying");
                failing = true;
                _clients.TryEvictOldestIdle();
                try
                {
                    await Task.Delay(backOff, _time, _closing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
                continue;
            }
            failing = false;
            backOff = MinBackOff;
            var serving = ServeOneAsync(client, _clients.TryAdmit(), handler);
            lock (_serving)
            {
                _serving.RemoveAll(task => task.IsCompleted);
                _serving.Add(serving);
            }
        }
    }

    private async Task ServeOneAsync(Socket client, ControlClients.Slot? slot, ControlHandler handler)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        using var place = slot;
        try
        {
            if (slot is null)
            {
                await AnswerBrieflyAsync(stream, $"procman is serving {_clients.Capacity} clients, the most it serves at once; try again later").ConfigureAwait(false);
                return;
            }
            if (await ReadRequestLineAsync(stream, slot).ConfigureAwait(false) is not { } line)
                return;
            if (RequestParser.Parse(line.Span, out var error) is not { } request)
            {
                await ControlHandler.WriteAsync(stream, ControlResponse.Failure(error!), _stopping.Token).ConfigureAwait(false);
                return;
            }
            if (IsLasting(request) && !slot.TryStartLasting())
            {
                await ControlHandler.WriteAsync(stream, ControlResponse.Failure($"procman is serving {_clients.Capacity - _clients.Reserve} followers and waiters, the most it serves at once; try again later"), _stopping.Token).ConfigureAwait(false);
                return;
            }
            try
            {
                await handler.HandleAsync(request, stream, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NullReferenceException)
            {
                // ProcMan is exiting (the supervisor no longer answers), or the request was odd.
                await ControlHandler.WriteAsync(stream, ControlResponse.Failure(exception.Message), _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away, or ProcMan is stopping: nothing to answer.
        }
    }

    /// <summary>
    /// The request line, or null when there is none to answer: the client left, sent nothing
    /// in time, or was closed to make room (both told why).
    /// </summary>
    private async Task<ReadOnlyMemory<byte>?> ReadRequestLineAsync(NetworkStream stream, ControlClients.Slot slot)
    {
        using var timeout = new CancellationTokenSource(IdleTimeout, _time);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, slot.Evicted, timeout.Token);
        ReadOnlyMemory<byte>? line;
        try
        {
            var read = await RequestLine.ReadAsync(stream, idle.Token).ConfigureAwait(false);
            if (read.TooLong)
            {
                await AnswerBrieflyAsync(stream, $"bad request: longer than {RequestLine.MaxBytes / 1024 / 1024} MiB").ConfigureAwait(false);
                return null;
            }
            line = read.Line;
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            line = null;
        }
        if (line is not null && slot.TryStartServing())
            return line;
        if (_stopping.IsCancellationRequested)
            return null;
        if (slot.Evicted.IsCancellationRequested)
            await AnswerBrieflyAsync(stream, $"closed to make room: procman serves at most {_clients.Capacity} clients at once, and this one had sent no request").ConfigureAwait(false);
        else if (idle.IsCancellationRequested)
            await AnswerBrieflyAsync(stream, $"no request within {IdleTimeout.TotalSeconds:0} s").ConfigureAwait(false);
        return null;
    }

    /// <summary>An error for a client that may not be reading: it gets a moment, not a place.</summary>
    private async Task AnswerBrieflyAsync(NetworkStream stream, string error)
    {
        using var timeout = new CancellationTokenSource(BriefAnswerTimeout, _time);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, timeout.Token);
        await ControlHandler.WriteAsync(stream, ControlResponse.Failure(error), patience.Token).ConfigureAwait(false);
    }

    /// <summary>Answers that may go on for as long as the client likes.</summary>
    private static bool IsLasting(ControlRequest request) =>
        request.Command == "wait" || (request.Command == "logs" && request.Follow);
}
