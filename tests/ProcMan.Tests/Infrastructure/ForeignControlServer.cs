using System.Diagnostics;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A control socket made by root at a path and then served as another user (it binds, drops
/// to <see cref="UserId"/>, then listens, so SO_PEERCRED names that user): what a local
/// attacker who got a socket in place would run. It answers every request with success.
/// </summary>
public sealed class ForeignControlServer : IAsyncDisposable
{
    public const uint UserId = 12345;

    private const string Script = """
        import os, socket, sys
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(sys.argv[1])
        os.setgroups([]); os.setgid(int(sys.argv[2])); os.setuid(int(sys.argv[2]))
        listener.listen(8)
        print("listening", flush=True)
        while True:
            client, _ = listener.accept()
            try:
                client.recv(65536)
                client.sendall(b'{"ok":true,"processes":[]}\n')
            except OSError:
                pass  # A client that left without asking.
            client.close()
        """;

    private readonly Process _process;

    private ForeignControlServer(Process process) => _process = process;

    /// <summary>Starts it at <paramref name="socketPath"/> and waits until it listens.</summary>
    public static async Task<ForeignControlServer> StartAsync(string socketPath)
    {
        var startInfo = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Script, socketPath, UserId.ToString() })
            startInfo.ArgumentList.Add(argument);
        var server = new ForeignControlServer(Process.Start(startInfo)!);
        using var deadline = new CancellationTokenSource(ProcManRun.DefaultTimeout);
        var line = await server._process.StandardOutput.ReadLineAsync(deadline.Token);
        if (line != "listening")
            throw new IOException($"the foreign server did not start: {await server._process.StandardError.ReadToEndAsync(deadline.Token)}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
