using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>Several files merged (<c>-f</c> repeated, an override file, <c>extends</c>) on real runs.</summary>
public sealed class MergedFilesSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_check_two_files_merged_and_see_which_file_wrote_each_setting()
    {
        _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n    replicas: 2\n  worker:\n    command: work\n");
        _directory.Write("b.yml", "processes:\n  web:\n    command: serve --prod\n");
        await using var procman = ProcManRun.Start(_directory.Path, "check", "-f", "a.yml", "-f", "b.yml");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Stdout.Should().Contain("merged from a.yml, b.yml")
            .And.Contain("from         a.yml (command, replicas); b.yml (command)")
            .And.Contain("serve --prod");
    }

    [Fact(Timeout = 30_000)]
    public async Task An_error_in_the_second_file_names_that_file_line_and_column()
    {
        _directory.Write("a.yml", "processes:\n  web:\n    command: serve\n");
        _directory.Write("b.yml", "processes:\n  web:\n    replicas: many\n");
        await using var procman = ProcManRun.Start(_directory.Path, "check", "-f", "a.yml", "-f", "b.yml");

        (await procman.WaitForExitAsync()).Should().Be(2);

        procman.Stderr.Should().Contain("b.yml:3:15: `replicas` in process `web`: expected a whole number, got `many`");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_process_compose_file_with_an_override_runs_the_overrides_command()
    {
        _directory.Write("process-compose.yml", "processes:\n  web:\n    command: echo from base\n  worker:\n    command: echo worker $$GREETING\n    environment: [GREETING=hello, KEEP=1]\n");
        _directory.Write("process-compose.override.yml", "processes:\n  web:\n    command: echo from override\n  worker:\n    environment: [GREETING=hi]\n");
        await using var procman = ProcManRun.Start(_directory.Path, "up");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain(line => line.EndsWith("| from override", StringComparison.Ordinal))
            .And.Contain(line => line.EndsWith("| worker hi", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains("from base", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_a_file_that_extends_another_and_reach_it_with_the_same_f()
    {
        _directory.Write("base.yml", "processes:\n  web:\n    command: echo base; exec sleep 300\n");
        _directory.Write("local.yml", "extends: base.yml\nprocesses:\n  web:\n    command: echo local; exec sleep 300\n");
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-f", "local.yml");
        await procman.WaitForLineAsync(line => line.EndsWith("| local", StringComparison.Ordinal));

        await using var ps = ProcManRun.Start(_directory.Path, "ps", "-f", "local.yml");
        (await ps.WaitForExitAsync()).Should().Be(0);
        ps.Stdout.Should().Contain("web");

        procman.Signal(ProcMan.Processes.UnixSignal.Interrupt);
        (await procman.WaitForExitAsync()).Should().Be(130);
    }
}
