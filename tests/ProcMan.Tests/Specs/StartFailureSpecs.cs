using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>A process that cannot be started stops the stack at once, with the documented exit code.</summary>
public sealed class StartFailureSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task I_get_exit_127_at_once_when_an_entrypoint_is_mistyped_after_another_process_started()
    {
        var pidFile = _directory.Combine("server.pid");
        _directory.Write("procfile.yml", $"""
            processes:
              server:
                command: "echo $$ > {pidFile}; exec sleep 300"
              tests:
                entrypoint: ["/no/such/test-runner", "--all"]
                depends_on:
                  server:
                    condition: process_started
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(127);
        procman.Lines.Should().Contain(line => line.Contains("tests could not be started", StringComparison.Ordinal));
        var server = int.Parse(File.ReadAllText(pidFile));
        ProcessTable.IsRunning(server).Should().BeFalse("the stop must reach what had started");
    }
}
