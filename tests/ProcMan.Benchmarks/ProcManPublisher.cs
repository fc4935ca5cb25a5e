using System.Diagnostics;

namespace ProcMan.Benchmarks;

/// <summary>Publishes procman from this checkout, the way it would ship.</summary>
internal static class ProcManPublisher
{
    private const string Project = "src/ProcMan/ProcMan.csproj";

    /// <summary>
    /// Tries the native AOT publish first (it needs a C toolchain: clang or gcc), then a
    /// self-contained, single-file, ReadyToRun, trimmed one, then the plain framework-dependent
    /// one. Returns the executable and which variant it is.
    /// </summary>
    public static (string Executable, string Variant) Publish(string outputRoot)
    {
        var root = FindRepositoryRoot();
        // Serilog 3.1.1 warns about trimming (IL2104) and the repository treats warnings as
        // errors, so a trimmed publish fails unless warnings stay warnings for this build.
        (string Name, string Arguments)[] variants =
        [
            ("native AOT", "-r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false"),
            ("self-contained, single-file, ReadyToRun, trimmed",
                "-r linux-x64 --self-contained -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishTrimmed=true -p:TreatWarningsAsErrors=false"),
            ("framework-dependent", ""),
        ];
        foreach (var (name, arguments) in variants)
        {
            var output = Path.Combine(outputRoot, name.Split(',')[0]);
            Console.Error.WriteLine($"publishing procman ({name})...");
            var info = new ProcessStartInfo("dotnet", $"publish {Project} -c Release -o \"{output}\" -nologo -v:q {arguments}")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
            };
            using var publish = Process.Start(info)!;
            var log = publish.StandardOutput.ReadToEnd();
            publish.WaitForExit();
            var executable = Path.Combine(output, "procman");
            if (publish.ExitCode == 0 && File.Exists(executable))
                return (executable, name);
            Console.Error.WriteLine($"publish ({name}) failed:\n{log}");
        }
        throw new InvalidOperationException("procman could not be published");
    }

    /// <summary>The directory holding ProcMan.sln, above the benchmark's own binaries.</summary>
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProcMan.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("ProcMan.sln not found above " + AppContext.BaseDirectory);
    }
}
