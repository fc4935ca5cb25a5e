using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProcMan.Processes.Linux;

/// <summary>Who is at the other end of a Unix domain socket, as the kernel recorded it (SO_PEERCRED).</summary>
internal static class PeerCredentials
{
    /// <summary>The user id the peer had when it connected or listened; null when the kernel will not say.</summary>
    public static uint? UserIdOf(Socket socket)
    {
        const int socketLevel = 1, peerCredentials = 17; // SOL_SOCKET, SO_PEERCRED
        Span<byte> credentials = stackalloc byte[12]; // struct ucred: pid, uid, gid
        try
        {
            return socket.GetRawSocketOption(socketLevel, peerCredentials, credentials) == credentials.Length
                ? MemoryMarshal.Read<uint>(credentials[4..])
                : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
