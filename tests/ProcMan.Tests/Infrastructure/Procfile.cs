using System.Text;

namespace ProcMan.Tests.Infrastructure;

/// <summary>Builds procfile.yml text for tests.</summary>
public static class Procfile
{
    /// <summary>A <c>processes:</c> map with one <c>command</c> per process, in order.</summary>
    public static string Yaml(params (string Name, string Command)[] processes)
    {
        var yaml = new StringBuilder("processes:\n");
        foreach (var (name, command) in processes)
            yaml.Append($"  {name}:\n    command: {Quote(command)}\n");
        return yaml.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
