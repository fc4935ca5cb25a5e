using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class OrphanReaperSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    [PidNamespaceFact(Timeout = 60_000)]
    public async Task As_a_container_s_first_process_procman_reaps_the_orphans_that_come_to_it()
    {
        // A new PID namespace makes procman its PID 1, as a container's entry point: an orphan
        // anywhere in it becomes procman's child, and stays a zombie unless procman reaps it.
        _directory.Write("orphan.sh", """
            (sh -c 'echo $$ > orphan.pid' &)
            until [ -s orphan.pid ]; do sleep 0.01; done
            pid=$(cat orphan.pid)
            for i in $(seq 500); do
              [ -e /proc/$pid ] || { echo reaped; exit 0; }
              sleep 0.01
            done
            echo "still there: $(cat /proc/$pid/stat)"
            """);
        var procfile = _directory.Write("procfile.yml", "processes:\n  orphaner:\n    command: sh orphan.sh\n");

        await using var up = ShellRun.Start(_directory.Path,
            $"exec unshare --pid --fork --mount-proc '{ProcManRun.ExecutablePath}' up --no-summary '{procfile}' > up.txt");
        var (exitCode, stderr) = await up.WaitForExitAsync();

        stderr.Should().BeEmpty();
        exitCode.Should().Be(0);
        File.ReadAllLines(_directory.Combine("up.txt")).Should().Contain("orphaner | reaped");

        // procman run as PID 1 (a container's one command) reaps them too.
        File.Delete(_directory.Combine("orphan.pid"));
        await using var run = ShellRun.Start(_directory.Path,
            $"exec unshare --pid --fork --mount-proc '{ProcManRun.ExecutablePath}' run -f '{procfile}' orphaner > run.txt");
        (exitCode, stderr) = await run.WaitForExitAsync();

        stderr.Should().BeEmpty();
        exitCode.Should().Be(0);
        File.ReadAllLines(_directory.Combine("run.txt")).Should().Equal("reaped");
    }

    public void Dispose() => _directory.Dispose();
}
