// TEMPORARY STUB, replaced by the real loader from branch config.
using YamlDotNet.RepresentationModel;
namespace ProcMan.Configuration;
public sealed record LoadedConfiguration(IReadOnlyList<ProcessSpec> Processes);
public sealed record LoadOptions;
public sealed class ConfigurationException(IReadOnlyList<string> errors) : Exception { public IReadOnlyList<string> Errors => errors; }
public static class ProcfileLoader
{
    public static LoadedConfiguration Load(string path, LoadOptions options)
    {
        var yaml = new YamlStream(); yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var env = System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new(((YamlMappingNode)root["processes"]).Children.Select(p => new ProcessSpec(p.Key.ToString(), ["/bin/sh", "-c", ((YamlMappingNode)p.Value)["command"].ToString()], dir, env)).ToList());
    }
}
