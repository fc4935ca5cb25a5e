using System.Globalization;

namespace ProcMan.Configuration;

/// <summary>
/// The port of an <c>http_get</c> probe: a number, or one variable of the process's environment
/// (<c>$PORT</c>, <c>${PORT}</c>, <c>${OTHER}</c>), looked up in each instance's own environment
/// so that every replica probes its own PORT. Without a <c>port</c> key it is <c>$PORT</c>.
/// </summary>
/// <param name="Number">The port as written, or null for a variable.</param>
/// <param name="Variable">The variable's name, or null for a number.</param>
internal sealed record ProbePort(int? Number, string? Variable)
{
    public const string DefaultVariable = "PORT";

    /// <summary>Where the port was written, or the <c>http_get</c> mapping when it defaults; null for a number.</summary>
    public SourcePosition? At { get; init; }

    /// <summary>Whose probe it is, as errors say it: <c>in `readiness_probe.http_get` of process `web`</c>.</summary>
    public string Owner { get; init; } = string.Empty;

    /// <summary>False when the probe has no <c>port</c> key and takes the process's PORT.</summary>
    public bool Written { get; init; } = true;

    public static implicit operator ProbePort(int number) => new(number, null);

    public static ProbePort FromVariable(string name, SourcePosition at, string owner, bool written = true) =>
        new(null, name) { At = at, Owner = owner, Written = written };

    /// <summary>
    /// The variable a port text names when it is exactly <c>$NAME</c> or <c>${NAME}</c>
    /// (NAME: a letter or <c>_</c>, then letters, digits or <c>_</c>), else null.
    /// </summary>
    public static string? VariableIn(string text)
    {
        if (text.Length < 2 || text[0] != '$')
            return null;
        var name = text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1] : text[1..];
        var valid = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return valid ? name : null;
    }

    /// <summary>What a human wrote: <c>8080</c> or <c>${PORT}</c>.</summary>
    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? $"${{{Variable}}}";

    /// <summary>
    /// The port for an instance whose complete environment is <paramref name="environment"/>;
    /// false with the reason (one sentence, without position) when the variable is unset or not a
    /// port. The variable's value is never quoted: a misplaced secret must not reach a log.
    /// </summary>
    public bool TryResolve(IReadOnlyDictionary<string, string> environment, string instance, out int port, out string problem)
    {
        problem = string.Empty;
        if (Number is { } number)
        {
            port = number;
            return true;
        }

        port = 0;
        var name = Variable!;
        var set = environment.TryGetValue(name, out var value) && value.Length > 0;
        if (set && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= ConfigurationLimits.MaximumPort)
        {
            port = parsed;
            return true;
        }

        problem = (Written, set) switch
        {
            (false, false) => $"no `port` {Owner}, and `{instance}` has no PORT to default to: set `port`, or PORT in the process's `environment`",
            (false, true) => $"no `port` {Owner}, and the PORT of `{instance}` is not a port number (1-{ConfigurationLimits.MaximumPort}): set `port`, or PORT to a port number",
            (true, false) => $"`port` {Owner} is `{this}`, but {name} is not set for `{instance}`: set it in the process's `environment` or an env file",
            (true, true) => $"`port` {Owner} is `{this}`, but {name} of `{instance}` is not a port number (1-{ConfigurationLimits.MaximumPort})",
        };
        return false;
    }
}
