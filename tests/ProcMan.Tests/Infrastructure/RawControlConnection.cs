using System.Net.Sockets;
using System.Text;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A connection to a control socket that speaks bytes, not the protocol: for the clients
/// procman must survive (idle, oversized, malformed). Every wait is bounded.
/// </summary>
public sealed class RawControlConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly List<byte> _received = [];

    private RawControlConnection(Socket socket) => _socket = socket;

    /// <summary>Connects to <paramref name="path"/>; null when the connection is refused or not accepted within <paramref name="timeout"/>.</summary>
    public static async Task<RawControlConnection?> TryConnectAsync(string path, TimeSpan timeout)
    {
        // A blocking connect, bounded by SO_SNDTIMEO: when procman's backlog is full, the kernel
        // makes it wait for room, where a non-blocking one fails at once (EAGAIN).
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = (int)timeout.TotalMilliseconds };
        try
        {
            await Task.Run(() => socket.Connect(new UnixDomainSocketEndPoint(path)));
            socket.SendTimeout = 0;
            return new RawControlConnection(socket);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    public static async Task<RawControlConnection> ConnectAsync(string path) =>
        await TryConnectAsync(path, ProcManRun.DefaultTimeout) ?? throw new IOException($"cannot connect to {path}");

    /// <summary>Sends <paramref name="bytes"/>; false when procman closed the connection first.</summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var deadline = new CancellationTokenSource(ProcManRun.DefaultTimeout);
            await _socket.SendAsync(bytes, SocketFlags.None, deadline.Token);
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            return false;
        }
    }

    public Task<bool> TrySendAsync(string text) => TrySendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads until procman closes the connection; returns everything it sent, decoded.</summary>
    public async Task<string> ReadToEndAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? ProcManRun.DefaultTimeout);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
                _received.AddRange(buffer.AsSpan(0, read));
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Closed with our unread bytes still queued: what it sent before is still here.
        }
        return Encoding.UTF8.GetString([.. _received]);
    }

    public void Dispose() => _socket.Dispose();
}
