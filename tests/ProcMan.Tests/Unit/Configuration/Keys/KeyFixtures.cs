using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;

namespace ProcMan.Tests.Unit.Configuration.Keys;

/// <summary>Files that write one key in its section, and the errors loading them gives.</summary>
internal static class KeyFixtures
{
    /// <summary>
    /// A procfile whose only unusual key is <paramref name="name"/> = <paramref name="value"/> in
    /// <paramref name="section"/>, and the line it is on.
    /// </summary>
    public static (string Text, int Line) FileWith(KeySection section, string name, string value = "1")
    {
        // `command` itself is the key under test in one case: the process then has an entrypoint.
        var body = section == KeySection.Process && name == "command" ? "    entrypoint: [run]\n" : "    command: run\n";
        var process = "processes:\n  db:\n    command: serve\n  web:\n" + body;
        (string Before, string Key, string After) lines = section switch
        {
            KeySection.TopLevel => ("", $"{name}: {value}\n", process),
            KeySection.Shell => ("shell:\n", $"  {name}: {value}\n", process),
            KeySection.LogConfiguration => ("log_configuration:\n", $"  {name}: {value}\n", process),
            KeySection.LogRotation => ("log_configuration:\n  rotation:\n", $"    {name}: {value}\n", process),
            KeySection.Process => (process, $"    {name}: {value}\n", ""),
            KeySection.Availability => (process + "    availability:\n", $"      {name}: {value}\n", ""),
            KeySection.Probe => (process + "    readiness_probe:\n" + (name == "exec" ? "      http_get: {port: 80}\n" : "      exec: {command: \"true\"}\n"), $"      {name}: {value}\n", ""),
            KeySection.ProbeExec => (process + "    readiness_probe:\n      exec:\n" + (name == "command" ? "" : "        command: \"true\"\n"), $"        {name}: {value}\n", ""),
            KeySection.ProbeHttpGet => (process + "    readiness_probe:\n      http_get:\n", $"        {name}: {value}\n", ""),
            KeySection.Shutdown => (process + "    shutdown:\n", $"      {name}: {value}\n", ""),
            KeySection.Dependency => (process + "    depends_on:\n      db:\n", $"        {name}: {value}\n", ""),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
        };

        if (section == KeySection.TopLevel && name == "processes")
        {
            return ("processes:\n  web:\n    command: run\n", 1);
        }

        return (lines.Before + lines.Key + lines.After, lines.Before.Count(c => c == '\n') + 1);
    }

    /// <summary>The errors loading <paramref name="path"/> gives; none when it loads.</summary>
    public static IReadOnlyList<ConfigurationError> ErrorsOf(string path)
    {
        try
        {
            ProcfileLoader.Load(path, Load.Options);
            return [];
        }
        catch (ConfigurationException exception)
        {
            return exception.Errors;
        }
    }

    public static IReadOnlyList<ConfigurationError> ErrorsOf(TestDirectory directory, KeySection section, string name, string value = "1") =>
        ErrorsOf(directory.Write("procfile.yml", FileWith(section, name, value).Text));
}
