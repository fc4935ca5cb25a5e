using ProcMan.Configuration;

namespace ProcMan.Cli.Commands;

/// <summary>Prints configuration errors as the compiler-style lines editors understand.</summary>
internal static class ConfigurationErrors
{
    /// <summary>Runs <paramref name="load"/>; on a configuration error prints it to stderr and returns null.</summary>
    public static T? Catch<T>(Func<T> load) where T : class
    {
        try
        {
            return load();
        }
        catch (ConfigurationException exception)
        {
            foreach (var error in exception.Errors)
                Console.Error.WriteLine($"procman: {error}");
            return null;
        }
    }
}
