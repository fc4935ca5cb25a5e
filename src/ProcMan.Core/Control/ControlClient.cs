using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ProcMan.Processes.Linux;

namespace ProcMan.Control;

/// <summary>One request to a running <c>procman up</c>, and its answer (and, for logs, the lines after it).</summary>
internal sealed class ControlClient : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest pause between two looks for an instance that is not there yet.</summary>
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMilliseconds(100);

    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private ControlClient(NetworkStream stream)
    {
        _stream = stream;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    /// <summary>Connects to the instance serving <paramref name="configurationFile"/>.</summary>
    /// <exception cref="NotRunningException">None does.</exception>
    /// <exception cref="ControlSocketException">The socket, its directory or the process answering on it is not the user's.</exception>
    public static async Task<ControlClient> ConnectAsync(string configurationFile)
    {
        var path = ControlSocketPath.For(configurationFile);
        if (!ControlSocketPath.HasSocket(path))
            throw new NotRunningException($"no procman is running for {configurationFile}");
        // A blocking connect, bounded: with procman's backlog full (a flood of clients), a
        // non-blocking one fails at once with EAGAIN, which is not "no procman is running".
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = (int)ConnectTimeout.TotalMilliseconds };
        try
        {
            await Task.Run(() => socket.Connect(new UnixDomainSocketEndPoint(path))).ConfigureAwait(false);
            socket.SendTimeout = 0;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            if (exception.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock or SocketError.TimedOut)
                throw new NotRunningException($"the procman running for {configurationFile} accepted no connection within {ConnectTimeout.TotalSeconds:0} s (too many clients); try again");
            throw new NotRunningException($"no procman is running for {configurationFile}");
        }
        // Before believing a word of it: whoever listens here must be the user (root can
        // make a socket anywhere and hand it over; SO_PEERCRED says who listened).
        var user = LibC.GetEffectiveUserId();
        if (PeerCredentials.UserIdOf(socket) is var peer && peer != user)
        {
            socket.Dispose();
            throw new ControlSocketException($"the process answering on {path} runs as uid {(peer is null ? "unknown" : peer)}, not as you (uid {user}); not trusting it");
        }
        return new ControlClient(new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>
    /// Connects to the instance serving <paramref name="configurationFile"/>, waiting up to
    /// <paramref name="patience"/> for it to appear: a <c>procman up</c> started a moment ago
    /// (<c>procman up &amp; procman wait web</c>) binds its socket some tens of milliseconds
    /// later, hundreds under the JIT. Polls with a short back-off: the socket's directory
    /// holds every instance's socket, and watching it would wake for all of them.
    /// </summary>
    /// <exception cref="NotRunningException">None appeared in time.</exception>
    public static async Task<ControlClient> ConnectWhenRunningAsync(string configurationFile, TimeSpan patience, TimeProvider? time = null, CancellationToken cancellation = default)
    {
        time ??= TimeProvider.System;
        var started = time.GetTimestamp();
        var backOff = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return await ConnectAsync(configurationFile).ConfigureAwait(false);
            }
            catch (NotRunningException) when (time.GetElapsedTime(started) + backOff < patience)
            {
                await Task.Delay(backOff, time, cancellation).ConfigureAwait(false);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
            catch (NotRunningException) when (patience > TimeSpan.Zero)
            {
                throw new NotRunningException($"no procman is running for {configurationFile} (none appeared within {patience.TotalSeconds:0.###} s)");
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> and reads the first answer.</summary>
    public async Task<ControlResponse> SendAsync(ControlRequest request, CancellationToken cancellation = default)
    {
        await NdJson.WriteLineAsync(_stream, request, ControlJson.Default.ControlRequest, cancellation).ConfigureAwait(false);
        var line = await _reader.ReadLineAsync(cancellation).ConfigureAwait(false)
            ?? throw new NotRunningException("procman closed the connection without answering (it is exiting)");
        return JsonSerializer.Deserialize(line, ControlJson.Default.ControlResponse)
            ?? throw new IOException("procman sent an empty answer");
    }

    /// <summary>The lines that follow the answer (logs), until procman closes the connection.</summary>
    public async IAsyncEnumerable<string> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (await _reader.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
            yield return line;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
