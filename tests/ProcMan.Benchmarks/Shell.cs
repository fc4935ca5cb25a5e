using System.Diagnostics;

namespace ProcMan.Benchmarks;

/// <summary>Starting processes through /bin/sh, the way procman starts its children.</summary>
internal static class Shell
{
    /// <summary>Quotes <paramref name="text"/> as one word for /bin/sh.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "'\\''") + "'";

    /// <summary>
    /// Runs <c>/bin/sh -c script</c>, its stdout a pipe we read when <paramref name="pipeStdout"/>,
    /// otherwise the script's own redirections (or ours, inherited) apply.
    /// </summary>
    public static Process Start(string script, string workingDirectory, bool pipeStdout = false)
    {
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, RedirectStandardOutput = pipeStdout };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start /bin/sh");
    }
}
