using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class PosixSpawnSpecs : IDisposable
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
        File.ReadAllLines(_directory.Combine("out.txt")).Should().Contain("procman | server killed by SIGINT");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_a_program_found_on_the_PATH_my_process_sets()
    {
        // Like node_modules/.bin: the process's own PATH is searched, not procman's.
        var tool = _directory.Write("bin/mytool", "#!/bin/sh\necho found by its own PATH\n");
        await using (var chmod = ShellRun.Start(_directory.Path, $"chmod +x '{tool}'"))
            (await chmod.WaitForExitAsync()).ExitCode.Should().Be(0);
        _directory.Write("procfile.yml",
            $"processes:\n  tool:\n    entrypoint: [mytool]\n    environment:\n      PATH: {_directory.Combine("bin")}:/usr/bin:/bin\n");
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);
        procman.Lines.Should().Contain("tool    | found by its own PATH");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_get_my_processes_exit_codes_even_when_procman_was_started_with_SIGCHLD_ignored()
    {
        // With SIGCHLD ignored, the kernel reaps children at once and their statuses are lost.
        var procfile = _directory.Write("procfile.yml", "processes:\n  failing:\n    command: exit 3\n");

        await using var shell = ShellRun.Start(_directory.Path,
            $"exec env --ignore-signal=CHLD '{ProcManRun.ExecutablePath}' up --no-summary '{procfile}' > out.txt");
        var (exitCode, stderr) = await shell.WaitForExitAsync();

        stderr.Should().BeEmpty();
        exitCode.Should().Be(3);
        File.ReadAllLines(_directory.Combine("out.txt")).Should().Contain("procman | failing exited with code 3");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_command_I_run_with_nohup_keeps_ignoring_SIGHUP()
    {
        // procman run is the command itself, in the foreground: it inherits what procman inherited,
        // but for SIGPIPE, which only the runtime ignores.
        _directory.Write("procfile.yml", "processes:\n  unused:\n    command: exit 0\n");
        await using var shell = ShellRun.Start(_directory.Path,
            $"trap '' HUP; exec '{ProcManRun.ExecutablePath}' run -- sh -c 'kill -HUP $$; yes | head -n 1 > /dev/null; echo survived' > out.txt");
        var (exitCode, stderr) = await shell.WaitForExitAsync();

        stderr.Should().BeEmpty("yes ends quietly at the closed pipe");
        exitCode.Should().Be(0);
        File.ReadAllLines(_directory.Combine("out.txt")).Should().Equal("survived");
    }

    public void Dispose() => _directory.Dispose();
}
