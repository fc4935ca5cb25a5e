using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class ShellSpecs : IDisposable
{
    // `[[` is bash syntax: dash, the /bin/sh of Debian and Ubuntu, does not know it.
    // A process-compose file expands `$BASH_VERSION` at load time (to nothing), so there the
    // shell must be given it as `$$BASH_VERSION`.
    private static string BashOnly(string dollar) => $"""
        processes:
          probe:
            command: if [[ -n "{dollar}BASH_VERSION" ]]; then echo ran-by-bash; else echo ran-by-sh; fi
        """;

    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_bash_syntax_runs_as_process_compose_runs_it()
    {
        _directory.Write("process-compose.yml", BashOnly("$$"));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "process-compose.yml");

        await procman.WaitForLineAsync(line => line.Contains("ran-by-bash"));
        await procman.WaitForExitAsync();
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_choose_the_shell_for_a_procman_file()
    {
        _directory.Write("procfile.yml", "shell:\n  shell_command: bash\n  shell_argument: -c\n" + BashOnly("$"));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "procfile.yml");

        await procman.WaitForLineAsync(line => line.Contains("ran-by-bash"));
        await procman.WaitForExitAsync();
    }
}
