using System.Diagnostics;

namespace ProcMan.Tests.Infrastructure;

/// <summary>A <c>/bin/sh -c</c> command, for the redirections a test cannot make itself.</summary>
public sealed class ShellRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private ShellRun(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static ShellRun Start(string workingDirectory, string script)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        return new ShellRun(Process.Start(startInfo)!);
    }

    public async Task<(int ExitCode, string Stderr)> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? ProcManRun.DefaultTimeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return (_process.ExitCode, await _stderr.WaitAsync(cancellation.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
