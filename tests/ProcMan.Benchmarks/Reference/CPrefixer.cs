using System.Diagnostics;

namespace ProcMan.Benchmarks.Reference;

/// <summary>Builds <c>prefixer.c</c>, the flood's reference, with the machine's C compiler.</summary>
internal static class CPrefixer
{
    /// <summary>The executable, or null when no C compiler built it (the reference row is then left out).</summary>
    public static string? Build(string outputDirectory)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Reference", "prefixer.c");
        var executable = Path.Combine(outputDirectory, "prefixer");
        try
        {
            using var compiler = Process.Start(new ProcessStartInfo("cc", ["-O2", "-o", executable, source]))!;
            compiler.WaitForExit();
            return compiler.ExitCode == 0 ? executable : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // No cc on PATH.
        }
    }
}
