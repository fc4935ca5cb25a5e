using System.Diagnostics;
using CsCheck;
using ProcMan.Configuration;
using ProcMan.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProcMan.Tests.Unit.Configuration.Fuzzing;

/// <summary>
/// Hostile files through the loader, in process: each either loads or is refused with a
/// <see cref="ConfigurationException"/> (exit 0 or 2), never anything else, quickly and within
/// a bounded allocation. The time budget per test is 10 s unless PROCMAN_FUZZ_SECONDS says otherwise.
/// </summary>
public sealed class ConfigurationFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan CaseTime = TimeSpan.FromSeconds(5);
    private const long CaseBytes = 1L << 30;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("PROCMAN_FUZZ_SECONDS"), out var seconds) ? seconds : 5;

    [Fact]
    public void ProcMan_refuses_hostile_yaml_files_only_with_configuration_errors()
    {
        var gen = Gen.Select(ConfigurationGenerators.Hostile(ConfigurationGenerators.YamlSeeds), ConfigurationGenerators.Formation, ConfigurationGenerators.BasePort);
        Run(gen, input => LoadOrRefuse("procman.yaml", input.Item1, ".env", null, input.Item2, input.Item3));
    }

    [Fact]
    public void ProcMan_refuses_hostile_procfiles_only_with_configuration_errors()
    {
        var gen = Gen.Select(ConfigurationGenerators.Hostile(ConfigurationGenerators.ProcfileSeeds), ConfigurationGenerators.Formation);
        Run(gen, input => LoadOrRefuse("Procfile", input.Item1, ".env", null, input.Item2, null));
    }

    [Fact]
    public void ProcMan_refuses_hostile_env_files_only_with_configuration_errors()
    {
        var yaml = "processes:\n  web:\n    command: run\n    env_file: own.env\n"u8.ToArray();
        var gen = Gen.Select(ConfigurationGenerators.Hostile(ConfigurationGenerators.DotEnvSeeds), Gen.Bool);
        Run(gen, input => LoadOrRefuse("procman.yaml", yaml, input.Item2 ? ".env" : "own.env", input.Item1, null, null));
    }

    private void Run<T>(Gen<T> gen, Action<T> assert)
    {
        var cases = 0L;
        var watch = Stopwatch.StartNew();
        gen.Sample(
            input =>
            {
                Interlocked.Increment(ref cases);
                assert(input);
            },
            writeLine: output.WriteLine,
            iter: long.MaxValue,
            time: Seconds);
        output.WriteLine($"{cases} cases in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Loads one case from its own directory; throws (for CsCheck to shrink) on anything but success or a clean refusal.</summary>
    private void LoadOrRefuse(string name, byte[] content, string envName, byte[]? env, string? formation, int? basePort)
    {
        var directory = _directory.CreateDirectory(Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path, content);
            if (env is not null)
            {
                File.WriteAllBytes(Path.Combine(directory, envName), env);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            try
            {
                ProcfileLoader.Load(path, Load.Options with
                {
                    Formation = formation is null ? null : Formation.Parse(formation),
                    BasePort = basePort,
                });
            }
            catch (ConfigurationException exception)
            {
                if (exception.Errors.Count > ErrorCollector.MaximumShown + 1)
                    throw new InvalidDataException($"{exception.Errors.Count} errors, more than a report shows");
                if (exception.Message.Contains("   at ", StringComparison.Ordinal) || exception.Message.Contains("Exception", StringComparison.Ordinal))
                    throw new InvalidDataException($"a stack trace or exception name in the errors:\n{exception.Message}");
            }

            if (watch.Elapsed > CaseTime)
                throw new TimeoutException($"the load took {watch.Elapsed.TotalSeconds:F1} s");
            if (GC.GetAllocatedBytesForCurrentThread() - allocated > CaseBytes)
                throw new InsufficientMemoryException($"the load allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) >> 20} MiB");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
