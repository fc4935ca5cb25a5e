using System.Globalization;

namespace ProcMan.Configuration;

/// <summary>
/// The one rule for the names of a process's replicas, chosen by the dialect: ProcMan's
/// <c>web.1</c>, <c>web.2</c> (1-based, foreman's), or process-compose's <c>web-0</c>, <c>web-1</c>
/// (0-based, zero-padded to the width of the replica count: <c>web-00</c> .. <c>web-11</c> for 12).
/// In both, a process that runs once keeps its bare name. Every place that makes or reads a
/// replica's name goes through here, so the output prefixes, <c>procman stop NAME</c>,
/// <c>depends_on</c> and the load's name checks always agree.
/// </summary>
internal sealed record ReplicaNaming
{
    /// <summary>ProcMan's: <c>web.2</c> is the second replica.</summary>
    public static readonly ReplicaNaming ProcMan = new('.', zeroBased: false, padded: false);

    /// <summary>process-compose's: <c>web-1</c> is the second replica.</summary>
    public static readonly ReplicaNaming ProcessCompose = new('-', zeroBased: true, padded: true);

    private readonly char _separator;
    private readonly bool _zeroBased;
    private readonly bool _padded;

    private ReplicaNaming(char separator, bool zeroBased, bool padded)
    {
        _separator = separator;
        _zeroBased = zeroBased;
        _padded = padded;
    }

    /// <summary>The rule of <paramref name="dialect"/>.</summary>
    public static ReplicaNaming For(ConfigurationDialect dialect) =>
        dialect == ConfigurationDialect.ProcessCompose ? ProcessCompose : ProcMan;

    /// <summary>An example for help and messages: <c>web.2</c> or <c>web-1</c>.</summary>
    public string Example => Name("web", 2, 2);

    /// <summary>The name of replica <paramref name="replica"/> (1-based) of <paramref name="replicas"/>.</summary>
    public string Name(string process, int replica, int replicas)
    {
        if (replicas <= 1)
        {
            return process;
        }

        var number = (_zeroBased ? replica - 1 : replica).ToString(CultureInfo.InvariantCulture);
        if (_padded)
        {
            number = number.PadLeft(replicas.ToString(CultureInfo.InvariantCulture).Length, '0');
        }

        return $"{process}{_separator}{number}";
    }

    /// <summary>
    /// The process and 1-based replica <paramref name="name"/> names, when it is exactly the name
    /// <see cref="Name"/> gives one of the replicas of a process <paramref name="replicasOf"/> knows
    /// (which returns null for a name that is no process).
    /// </summary>
    public (string Process, int Replica)? Parse(string name, Func<string, int?> replicasOf)
    {
        var separator = name.LastIndexOf(_separator);
        if (separator <= 0 || separator == name.Length - 1)
        {
            return null;
        }

        var process = name[..separator];
        if (replicasOf(process) is not { } replicas
            || !int.TryParse(name.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var replica = _zeroBased ? number + 1 : number;
        return replica >= 1 && replica <= replicas && Name(process, replica, replicas) == name ? (process, replica) : null;
    }
}
