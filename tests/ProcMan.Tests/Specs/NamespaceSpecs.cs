using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class NamespaceSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_start_only_one_namespace_of_a_process_compose_file()
    {
        _directory.Write("process-compose.yml", """
            processes:
              tools:
                command: echo tools ran
                namespace: dev
              job:
                command: echo job ran
                namespace: ci
            """);
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--no-summary", "-n", "ci");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain(line => line.EndsWith("| job ran", StringComparison.Ordinal));
        procman.Lines.Should().NotContain(line => line.Contains("tools", StringComparison.Ordinal));
    }
}
