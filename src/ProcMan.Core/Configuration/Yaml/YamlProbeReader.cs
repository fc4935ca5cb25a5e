using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ProcMan.Configuration;

/// <summary>
/// Reads <c>readiness_probe</c> and <c>liveness_probe</c>: exactly one check (<c>exec</c> or
/// <c>http_get</c>) plus Kubernetes' timing keys, each defaulting as in <see cref="Probe"/>.
/// </summary>
internal static class YamlProbeReader
{
    private const string Exec = "exec";
    private const string HttpGet = "http_get";
    private static readonly string[] Schemes = ["http", "https"];

    /// <summary>
    /// The probe, or null when the key is absent. A probe whose check is broken is still
    /// returned (with an empty exec command) once the error is reported: the load fails anyway,
    /// and this spares a second, misleading "has no readiness probe" error from the dependencies.
    /// </summary>
    public static Probe? Read(YamlMappingReader process, string key, string directory, ErrorCollector errors)
    {
        if (process.Node(key) is null || process.Mapping(key) is not { } probe)
        {
            return null;
        }

        var hasExec = probe.Node(Exec) is not null;
        var hasHttpGet = probe.Node(HttpGet) is not null;
        var exec = ExecCheck(probe, directory, errors);
        var httpGet = HttpGetCheck(probe);
        var initialDelay = probe.Seconds("initial_delay_seconds", zeroAllowed: true) ?? Probe.DefaultInitialDelay;
        var period = probe.Seconds("period_seconds", zeroAllowed: false) ?? Probe.DefaultPeriod;
        var timeout = probe.Seconds("timeout_seconds", zeroAllowed: false) ?? Probe.DefaultTimeout;
        var successThreshold = probe.Integer("success_threshold", minimum: 1) ?? Probe.DefaultSuccessThreshold;
        var failureThreshold = probe.Integer("failure_threshold", minimum: 1) ?? Probe.DefaultFailureThreshold;
        probe.ReportUnknownKeys(KeySection.Probe);

        if (hasExec && hasHttpGet)
        {
            errors.Add(probe.PositionOfValue(HttpGet)!, $"`{key}` {process.Owner} has both `{Exec}` and `{HttpGet}`: a probe does one check, choose one");
        }
        else if (!hasExec && !hasHttpGet)
        {
            errors.Add(probe.Position, $"`{key}` {process.Owner} needs a check: `{Exec}: {{command: ...}}` or `{HttpGet}: {{port: ...}}`");
        }

        ProbeCheck check = (ProbeCheck?)exec ?? (ProbeCheck?)httpGet ?? new ExecProbeCheck(string.Empty);
        return new Probe(check, initialDelay, period, timeout, successThreshold, failureThreshold);
    }

    private static ExecProbeCheck? ExecCheck(YamlMappingReader probe, string directory, ErrorCollector errors)
    {
        if (probe.Mapping(Exec, "a mapping (`{command: ...}`)") is not { } exec)
        {
            return null;
        }

        var hasCommand = exec.Node("command") is not null;
        var command = exec.String("command");
        var workingDirectory = exec.Node("working_dir") is null ? null : YamlProcfileReader.WorkingDirectory(exec, directory, errors);
        exec.ReportUnknownKeys(KeySection.ProbeExec);
        if (!hasCommand)
        {
            errors.Add(exec.Position, $"missing `command` {exec.Owner}: the shell command whose exit code 0 means success");
        }
        else if (command is not null && string.IsNullOrWhiteSpace(command))
        {
            errors.Add(exec.PositionOfValue("command")!, $"`command` {exec.Owner} is empty");
        }

        return command is null ? null : new ExecProbeCheck(command) { WorkingDirectory = workingDirectory };
    }

    /// <summary><c>headers</c>: a mapping of header names (HTTP tokens) to plain values.</summary>
    private static List<KeyValuePair<string, string>> Headers(YamlMappingReader http)
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (http.Node("headers"))
        {
            case null:
                break;
            case YamlMappingNode mapping:
                foreach (var (nameNode, valueNode) in mapping.Children)
                {
                    if (nameNode is YamlScalarNode { Value: { Length: > 0 } name } && name.All(IsTokenCharacter)
                        && valueNode is YamlScalarNode { Value: var value } && (value ?? string.Empty).All(c => c is '\t' || !char.IsControl(c)))
                    {
                        headers.Add(KeyValuePair.Create(name, value ?? string.Empty));
                    }
                    else
                    {
                        http.Report(http.PositionOf(nameNode), $"`headers` {http.Owner}: each header must be a name (letters, digits, `-`) and a plain one-line value");
                    }
                }

                break;
            case var other:
                http.Report(http.PositionOf(other), $"`headers` {http.Owner}: expected a mapping of header names to values, got {YamlMappingReader.Describe(other)}");
                break;
        }

        return headers;
    }

    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    private static HttpProbeCheck? HttpGetCheck(YamlMappingReader probe)
    {
        if (probe.Mapping(HttpGet, "a mapping (`{port: ...}`)") is not { } http)
        {
            return null;
        }

        var scheme = http.Choice("scheme", Schemes) ?? HttpProbeCheck.DefaultScheme;
        var host = http.String("host") ?? HttpProbeCheck.DefaultHost;
        var port = Port(http);
        var path = http.String("path") ?? HttpProbeCheck.DefaultPath;
        var statusCode = http.Integer("status_code", minimum: 100, maximum: 599);
        var headers = Headers(http);
        http.ReportUnknownKeys(KeySection.ProbeHttpGet);

        if (!path.StartsWith('/'))
        {
            http.Report(http.PositionOfValue("path")!, $"`path` {http.Owner} must start with `/`, got `{path}`");
        }

        if (string.IsNullOrWhiteSpace(host) || host.Contains('/') || host.Any(char.IsWhiteSpace))
        {
            http.Report(http.PositionOfValue("host")!, $"`host` {http.Owner} must be a host name or address, got `{host}`");
        }

        if (port is null)
        {
            return null;
        }

        var check = new HttpProbeCheck(scheme, host, port, path) { StatusCode = statusCode, Headers = headers.Count == 0 ? null : headers };
        // A variable's port is checked for each instance once environments are known; any port does here.
        var known = port.Number ?? 80;
        if (!Uri.TryCreate($"{scheme}://{host}:{known}{path}", UriKind.Absolute, out _))
        {
            // An IPv6 address needs brackets in a URL, which people rarely think of in a host key.
            http.Report(http.Position, $"`host`, `port` and `path` {http.Owner} do not make a valid URL: `{scheme}://{host}:{port}{path}` (an IPv6 address needs brackets: `[::1]`)");
        }

        return check;
    }

    /// <summary>
    /// A number (1-65535), or <c>$NAME</c> / <c>${NAME}</c> from the process's environment; without
    /// the key, the process's PORT. Null (reported) when it is neither.
    /// </summary>
    /// <remarks>
    /// In ProcMan's dialect the port is not expanded at load time like other typed values: its
    /// variable is each instance's own (PORT differs per replica), so it is looked up per instance.
    /// </remarks>
    private static ProbePort? Port(YamlMappingReader http)
    {
        if (http.Node("port") is not { } node)
        {
            return ProbePort.FromVariable(ProbePort.DefaultVariable, http.Position, http.Owner, written: false);
        }

        if (node is YamlScalarNode { Value: { } text } && ProbePort.VariableIn(text) is { } variable)
        {
            return ProbePort.FromVariable(variable, http.PositionOf(node), http.Owner);
        }

        if (node is YamlScalarNode { Value: { } digits } && !int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            http.Report(http.PositionOf(node), $"`port` {http.Owner}: expected a port number (1-{ConfigurationLimits.MaximumPort}) or a variable (`$PORT`, `${{PORT}}`), got `{digits}`");
            return null;
        }

        return http.Integer("port", minimum: 1, maximum: ConfigurationLimits.MaximumPort) is { } number ? number : null;
    }
}
