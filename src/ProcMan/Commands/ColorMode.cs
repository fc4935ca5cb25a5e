namespace ProcMan.Cli.Commands;

/// <summary>The <c>--color</c> choices; the first is the default (an absent option reads as it).</summary>
internal enum ColorMode
{
    /// <summary>Colours when stdout is a terminal and <c>NO_COLOR</c> is unset; <c>FORCE_COLOR</c> forces them.</summary>
    Auto,
    Always,
    Never,
}

internal static class ColorModeExtensions
{
    public static bool Resolve(this ColorMode mode) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ when IsSet("FORCE_COLOR") => true,
        _ => !Console.IsOutputRedirected && !IsSet("NO_COLOR"),
    };

    // no-color.org: set and not empty. FORCE_COLOR=0 is the common spelling of "off".
    private static bool IsSet(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && value != "0";
}
