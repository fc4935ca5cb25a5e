using System.Diagnostics;
using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ProcMan.Tests.Specs;

/// <summary>The README's CI recipes, as a CI script runs them: procman started and waited for from a shell.</summary>
public sealed class CiRecipeSpecs(ITestOutputHelper output) : IDisposable
{
    private const int Runs = 50;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 600_000)]
    public async Task I_can_start_procman_in_the_background_and_wait_for_a_process_fifty_times_without_one_failure()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("web", "exec sleep 300")));
        // The recipe as written: `wait` runs while `up` is still starting (under the JIT, its
        // socket is bound hundreds of milliseconds later).
        var script = $$"""
            for i in $(seq 1 {{Runs}}); do
              '{{ProcManRun.ExecutablePath}}' up procfile.yml > up.log 2>&1 &
              up=$!
              '{{ProcManRun.ExecutablePath}}' wait web || { echo "run $i: wait failed" >&2; exit 1; }
              '{{ProcManRun.ExecutablePath}}' down > /dev/null || { echo "run $i: down failed" >&2; exit 1; }
              wait $up || { echo "run $i: up exited with $?" >&2; cat up.log >&2; exit 1; }
            done
            """;
        var started = Stopwatch.GetTimestamp();
        await using var shell = ShellRun.Start(_directory.Path, script);

        var (exitCode, stderr) = await shell.WaitForExitAsync(TimeSpan.FromMinutes(9));

        output.WriteLine($"{Runs} runs in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        stderr.Should().BeEmpty();
        exitCode.Should().Be(0);
    }
}
