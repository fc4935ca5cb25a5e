using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProcMan.Control;

/// <summary>
/// The Unix domain socket of a running <c>procman up</c>: one connection per request, one JSON
/// request line in, JSON lines out. Transport only; <see cref="ControlHandler"/> answers.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>How long answers in progress (a <c>logs -f</c> writing its last lines) may take once ProcMan is done.</summary>
    private static readonly TimeSpan FinishGrace = TimeSpan.FromSeconds(2);

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _serving = [];
    private Task _accepting = Task.CompletedTask;

    private ControlServer(string path, Socket listener)
    {
        Path = path;
        _listener = listener;
    }

    public string Path { get; }

    /// <summary>
    /// Takes the socket at <paramref name="path"/>: replaces a stale one left by a killed
    /// instance, refuses when a live instance answers on it.
    /// </summary>
    /// <exception cref="AlreadyRunningException">Another instance serves this file.</exception>
    public static ControlServer Bind(string path)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("the control socket needs Unix file modes");
        if (File.Exists(path))
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
        listener.Listen(16);
        return new ControlServer(path, listener);
    }

    /// <summary>Starts answering requests with <paramref name="handler"/>.</summary>
    public void Serve(ControlHandler handler) => _accepting = AcceptAsync(handler);

    public async ValueTask DisposeAsync()
    {
        // New requests are refused at once; those in progress get a moment to finish, so a
        // follower receives the last lines, which the drain has already handed over.
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        Task[] serving;
        lock (_serving)
            serving = [.. _serving];
        await Task.WhenAny(Task.WhenAll(serving), Task.Delay(FinishGrace)).ConfigureAwait(false);
        _stopping.Cancel();
        await Task.WhenAll(serving).ConfigureAwait(false);
        File.Delete(Path);
        _stopping.Dispose();
    }

    private static bool IsAnswering(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task AcceptAsync(ControlHandler handler)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var serving = ServeOneAsync(client, handler);
            lock (_serving)
            {
                _serving.RemoveAll(task => task.IsCompleted);
                _serving.Add(serving);
            }
        }
    }

    private async Task ServeOneAsync(Socket client, ControlHandler handler)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            var line = await reader.ReadLineAsync(_stopping.Token).ConfigureAwait(false);
            ControlRequest? request = null;
            try
            {
                request = line is null ? null : JsonSerializer.Deserialize(line, ControlJson.Default.ControlRequest);
            }
            catch (JsonException exception)
            {
                await ControlHandler.WriteAsync(stream, ControlResponse.Failure($"bad request: {exception.Message}"), _stopping.Token).ConfigureAwait(false);
                return;
            }
            if (request is not null)
            {
                try
                {
                    await handler.HandleAsync(request with { Names = request.Names ?? [] }, stream, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NullReferenceException)
                {
                    // ProcMan is exiting (the supervisor no longer answers), or the request was odd.
                    await ControlHandler.WriteAsync(stream, ControlResponse.Failure(exception.Message), _stopping.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away, or ProcMan is stopping: nothing to answer.
        }
    }
}
