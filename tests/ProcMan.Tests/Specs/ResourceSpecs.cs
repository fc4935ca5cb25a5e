using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>What a long-running ProcMan holds stays bounded, however often its processes restart.</summary>
public sealed class ResourceSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task I_can_run_a_restart_loop_for_hundreds_of_restarts_without_procman_holding_more_descriptors()
    {
        _directory.Write("procfile.yml", """
            processes:
              flapping:
                command: "true"
                availability:
                  restart: always
                  backoff_seconds: 0.001
              other:
                command: exec sleep 300
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLinesAsync(line => line.Contains("flapping restarting", StringComparison.Ordinal), 50);
        var early = OpenDescriptors(procman.Pid);
        await procman.WaitForLinesAsync(line => line.Contains("flapping restarting", StringComparison.Ordinal), 350);
        var late = OpenDescriptors(procman.Pid);

        // Three per restart leaked before: 900 more. A run still being reaped holds a few.
        late.Should().BeLessThan(early + 12, $"300 restarts later procman holds {late} descriptors against {early}");
        procman.Signal(UnixSignal.Terminate);
        (await procman.WaitForExitAsync()).Should().Be(143);
    }

    private static int OpenDescriptors(int pid) => Directory.GetFiles($"/proc/{pid}/fd").Length;
}
