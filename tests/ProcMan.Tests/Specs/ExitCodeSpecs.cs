using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ExitCodeSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory(Timeout = 30_000)]
    [InlineData("exit 3", 3)]
    [InlineData("true", 0)]
    [InlineData("kill -9 $$", 137)]
    [InlineData("kill -TERM $$", 143)]
    public async Task I_get_the_exit_code_of_the_first_process_that_ended(string command, int expected)
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("first", command), ("other", "trap 'exit 9' TERM; sleep 300 & wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(expected, "the other process's later exit (9) must not count");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_the_signal_s_code_when_procman_was_stopped_before_any_process_ended()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("server", "trap 'exit 9' TERM; echo up; sleep 300 & wait")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| up", StringComparison.Ordinal));

        procman.Signal(UnixSignal.Terminate);

        (await procman.WaitForExitAsync()).Should().Be(143);
    }
}
