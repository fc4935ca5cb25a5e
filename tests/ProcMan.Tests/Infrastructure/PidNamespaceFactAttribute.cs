using System.Diagnostics;
using Xunit;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A test that runs ProcMan inside a private PID namespace (<c>unshare --pid --fork
/// --mount-proc</c>), where it can be PID 1 and pids can be handed out on purpose; reported
/// skipped, with the reason, where the machine cannot make one (it needs root).
/// </summary>
public sealed class PidNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    public PidNamespaceFactAttribute()
    {
        if (Unavailable.Value is { } reason)
            Skip = reason;
    }

    private static string? FindWhyUnavailable()
    {
        try
        {
            var startInfo = new ProcessStartInfo("unshare", ["--pid", "--fork", "--mount-proc", "true"]) { RedirectStandardError = true };
            using var probe = Process.Start(startInfo)!;
            var error = probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0 ? null : $"needs a private PID namespace (root, unshare from util-linux): {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"needs unshare (util-linux) to make a private PID namespace: {exception.Message}";
        }
    }
}
