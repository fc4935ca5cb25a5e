using ProcMan.Processes;

namespace ProcMan.Configuration;

/// <summary>Reads a process's <c>shutdown</c>: the signal, the time it gets, or a command to run instead.</summary>
internal static class YamlShutdownReader
{
    private const string Key = "shutdown";

    public static ShutdownSettings Read(YamlMappingReader process)
    {
        if (process.Mapping(Key) is not { } shutdown)
        {
            return ShutdownSettings.Default;
        }

        var signal = Signal(shutdown) ?? UnixSignal.Terminate;
        var timeout = shutdown.Seconds("timeout_seconds", zeroAllowed: true);
        var hasCommand = shutdown.Node("command") is not null;
        var command = shutdown.String("command");
        var parentOnly = shutdown.Boolean("parent_only") ?? false;
        shutdown.ReportUnknownKeys(KeySection.Shutdown);

        if (hasCommand && command is not null && string.IsNullOrWhiteSpace(command))
        {
            shutdown.Report(shutdown.PositionOfValue("command")!, $"`command` {shutdown.Owner} is empty");
        }

        return new ShutdownSettings(signal, timeout, string.IsNullOrWhiteSpace(command) ? null : command) { ParentOnly = parentOnly };
    }

    private static UnixSignal? Signal(YamlMappingReader shutdown)
    {
        if (shutdown.String("signal") is not { } text)
        {
            return null;
        }

        if (UnixSignal.TryParse(text, out var signal))
        {
            return signal;
        }

        var name = text.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        shutdown.Report(
            shutdown.PositionOfValue("signal")!,
            $"`signal` {shutdown.Owner}: `{text}` is not a signal: use a name such as TERM, INT or QUIT, or a number from 1 to {UnixSignal.MaxNumber}{Suggestions.DidYouMean(name.ToUpperInvariant(), UnixSignal.KnownNames)}");
        return null;
    }
}
