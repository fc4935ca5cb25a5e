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

    /// <summary>Several files merged, each over the ones before, as <c>-f a -f b</c> names them.</summary>
    public static LoadedConfiguration Files(params string[] paths) => ProcfileLoader.Load(paths, Options);

    /// <summary>The errors of loading several files merged.</summary>
    public static IReadOnlyList<ConfigurationError> ErrorsOf(params string[] paths)
    {
        try
        {
            ProcfileLoader.Load(paths, Options);
        }
        catch (ConfigurationException exception)
        {
            return exception.Errors;
        }

        throw new Xunit.Sdk.XunitException($"expected {string.Join(" + ", paths)} to be rejected, but they loaded");
    }

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
