using FluentAssertions;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

public sealed class LogLengthSpecs : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact(Timeout = 30_000)]
    public async Task With_log_length_procman_logs_keeps_that_many_recent_lines_of_a_process()
    {
        _directory.Write("procfile.yml", """
            log_length: 2
            processes:
              counter:
                command: "for i in 1 2 3 4 5; do echo line-$i; done; exec sleep 300"
            """);
        await using var up = ProcManRun.Start(_directory.Path, "up");
        await up.WaitForLineAsync(line => line.EndsWith("| line-5", StringComparison.Ordinal));

        var logs = await ProcManCommand.RunAsync(_directory.Path, "logs", "-n", "100", "counter");

        logs.ExitCode.Should().Be(0);
        logs.Lines.Should().Equal("counter | line-4", "counter | line-5");
    }
}
