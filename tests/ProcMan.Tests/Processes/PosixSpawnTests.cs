using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Processes;

public sealed class PosixSpawnTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [Fact(Timeout = 30_000)]
    public async Task My_process_stops_on_its_SIGINT_even_when_procman_was_started_with_SIGINT_ignored()
    {
        // As a background job of a script, procman starts with SIGINT ignored; an ignored signal
        // stays ignored across exec, so a child inheriting it would sit out the SIGINT it is
        // stopped with and be killed only after the timeout (60 s here).
        var procfile = _directory.Write("procfile.yml",
            "processes:\n  brief:\n    command: exit 0\n  server:\n    command: exec sleep 300\n    shutdown:\n      signal: INT\n");

        await using var shell = ShellRun.Start(_directory.Path,
            $"trap '' INT; exec '{ProcManRun.ExecutablePath}' up --no-summary -t 60 '{procfile}' > out.txt");
        var (exitCode, stderr) = await shell.WaitForExitAsync();

        stderr.Should().BeEmpty();
        exitCode.Should().Be(0, "brief ended first, with 0");
        File.ReadAllLines(_directory.Combine("out.txt")).Should().Contain("procman | server exited with code 130 (SIGINT)");
    }

    public void Dispose() => _directory.Dispose();
}
