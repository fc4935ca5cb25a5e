namespace ProcMan.Processes.Linux;

/// <summary>Signal dispositions ProcMan inherited and must not keep.</summary>
internal static class InheritedSignals
{
    /// <summary>
    /// A background job of a non-interactive shell (<c>procman up &amp;</c> in a script) starts
    /// with SIGINT and SIGQUIT ignored, and the runtime then never delivers them to a
    /// PosixSignalRegistration: <c>kill -INT</c> would do nothing. Put back to their default
    /// before registering, they reach ProcMan's handlers (which stop everything, as Ctrl-C does).
    /// </summary>
    public static void Unignore(params ReadOnlySpan<UnixSignal> signals)
    {
        foreach (var signal in signals)
            LibC.RestoreDefaultIfIgnored(signal.Number);
    }
}
