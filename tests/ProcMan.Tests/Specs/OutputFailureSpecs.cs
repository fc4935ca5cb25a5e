using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class OutputFailureSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_pipe_procman_into_head_and_it_stops_promptly()
    {
        var pidFile = _directory.Combine("chatty.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("chatty", $"echo $$ > {pidFile}; exec yes chatter"), ("quiet", "exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| chatter", StringComparison.Ordinal));

        // What `| head -1` does once it has its line: close the pipe.
        procman.StandardOutputStream.Dispose();

        (await procman.WaitForExitAsync()).Should().Be(141);
        procman.Stderr.Should().NotContain("   at ", "no stack trace");
        (await ProcessTable.WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile)), TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_pipe_procman_into_head_and_it_stops_at_once_even_when_its_processes_are_quiet()
    {
        var pidFile = _directory.Combine("quiet.pid");
        _directory.Write("procfile.yml", Procfile.Yaml(("quiet", $"echo $$ > {pidFile}; echo ready; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, "up");
        await procman.WaitForLineAsync(line => line.EndsWith("| ready", StringComparison.Ordinal));

        // Nothing more will be written: the closed pipe must be noticed without a write.
        procman.StandardOutputStream.Dispose();

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(141);
        procman.Stderr.Should().BeEmpty("a reader that went away is an ordinary end");
        (await ProcessTable.WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile)), TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_am_told_on_stderr_when_the_output_cannot_be_written()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("writer", "echo hello; exec sleep 300")));
        var procfile = _directory.Combine("procfile.yml");
        // stdout on /dev/full: every write fails with ENOSPC, like a full disk.
        await using var shell = ShellRun.Start(_directory.Path, $"exec '{ProcManRun.ExecutablePath}' up '{procfile}' > /dev/full");

        var (exitCode, stderr) = await shell.WaitForExitAsync();

        exitCode.Should().Be(1);
        stderr.Should().Contain("No space left on device").And.NotContain("   at ");
    }
}
