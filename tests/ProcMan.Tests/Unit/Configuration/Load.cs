using ProcMan.Configuration;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>Shortcuts shared by the loader tests: a known inherited environment and error capture.</summary>
internal static class Load
{
    public static readonly IReadOnlyDictionary<string, string> Inherited = new Dictionary<string, string>
    {
        ["HOME"] = "/home/tester",
        ["SHARED"] = "from-inherited",
    };

    public static LoadOptions Options => new() { InheritedEnvironment = Inherited };

    public static LoadedConfiguration File(string path, LoadOptions? options = null) =>
        ProcfileLoader.Load(path, options ?? Options);

    public static IReadOnlyList<ConfigurationError> Errors(string path, LoadOptions? options = null)
    {
        try
        {
            ProcfileLoader.Load(path, options ?? Options);
        }
        catch (ConfigurationException exception)
        {
            return exception.Errors;
        }

        throw new Xunit.Sdk.XunitException($"expected {path} to be rejected, but it loaded");
    }
}
