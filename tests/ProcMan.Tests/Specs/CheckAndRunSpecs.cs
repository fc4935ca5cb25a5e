using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class CheckAndRunSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public CheckAndRunSpecs()
    {
        _directory.Write(".env", "SECRET=hunter2\nSHARED=from-dotenv\n");
        _directory.Write("procfile.yml", """
            environment:
              SHARED: from-yaml
            processes:
              web:
                command: echo "web port=$PORT ps=$PS shared=$SHARED secret=$SECRET replica=$PROCMAN_REPLICA"; test -n "$ONCE" && exit 4; exec sleep 300
                replicas: 2
              worker:
                command: echo "worker port=$PORT ps=$PS own=$OWN"; test -n "$ONCE" && exit 0; exec sleep 300
                environment:
                  OWN: mine
              off:
                command: echo never
                disabled: true
            """);
    }

    /// <summary>Makes the file's processes end after their line instead of idling.</summary>
    private static readonly Dictionary<string, string?> Once = new() { ["ONCE"] = "1" };

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task I_can_check_a_file_and_see_names_but_never_values()
    {
        await using var procman = ProcManRun.Start(_directory.Path, "check");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Stdout.Should().Contain("web (2 replicas)").And.Contain("5000, 5001").And.Contain("off (disabled)")
            .And.Contain("SECRET").And.NotContain("hunter2");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_see_each_replica_get_its_own_name_port_and_environment()
    {
        string[] expected =
        [
            "web.1   | web port=5000 ps=web.1 shared=from-yaml secret=hunter2 replica=1",
            "web.2   | web port=5001 ps=web.2 shared=from-yaml secret=hunter2 replica=2",
            "worker  | worker port=5100 ps=worker own=mine",
        ];
        await using var procman = ProcManRun.Start(_directory.Path, "up", "--formation", "web=2,worker=1");

        await procman.WaitForLinesAsync(expected.Contains, expected.Length);
        procman.Signal(ProcMan.Processes.UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        procman.Lines.Should().NotContain(line => line.Contains("never", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_start_only_the_processes_I_name()
    {
        await using var procman = ProcManRun.Start(_directory.Path, ["up", "procfile.yml", "worker", "--port", "7000"], Once);

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("worker  | worker port=7100 ps=worker own=mine")
            .And.NotContain(line => line.StartsWith("web", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_one_process_in_the_foreground_with_the_environment_up_gives_it()
    {
        await using var procman = ProcManRun.Start(_directory.Path, ["run", "web.2"], Once);

        (await procman.WaitForExitAsync()).Should().Be(4);

        procman.Lines.Should().Equal("web port=5001 ps=web.2 shared=from-yaml secret=hunter2 replica=2");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_any_command_with_the_file_s_top_level_environment()
    {
        await using var procman = ProcManRun.Start(_directory.Path, "run", "--", "sh", "-c", "echo \"shared=$SHARED secret=$SECRET\"; exit 5");

        (await procman.WaitForExitAsync()).Should().Be(5);

        procman.Lines.Should().Equal("shared=from-yaml secret=hunter2");
    }

    [Fact(Timeout = 30_000)]
    public async Task I_can_run_a_classic_Procfile_unchanged()
    {
        _directory.Write("Procfile", "# a comment\r\nweb: echo \"procfile web: $PORT # not a comment\"\r\n\r\nworker: exec sleep 300\r\n");
        await using var procman = ProcManRun.Start(_directory.Path, "up", "Procfile");

        (await procman.WaitForExitAsync()).Should().Be(0);

        procman.Lines.Should().Contain("web     | procfile web: 5000 # not a comment");
    }
}
