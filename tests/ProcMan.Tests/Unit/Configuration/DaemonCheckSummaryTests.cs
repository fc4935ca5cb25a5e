using FluentAssertions;
using ProcMan.Reporting;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Unit.Configuration;

/// <summary>What <c>check</c> says of daemons, <c>parent_only</c>, <c>env_cmds</c> and awaited failures.</summary>
public sealed class DaemonCheckSummaryTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void I_can_check_what_a_process_compose_file_with_daemons_and_env_cmds_would_run()
    {
        var path = _directory.Write("process-compose.yaml", """
            env_cmds:
              BUILD: git describe
              HOST: hostname
            processes:
              db:
                command: pg_ctl start
                is_daemon: true
                shutdown:
                  command: pg_ctl stop
              migrate:
                command: ./migrate
              app:
                command: ./app
                depends_on:
                  migrate:
                    condition: process_completed
                shutdown:
                  parent_only: true
            """);

        var summary = CheckSummary.Render(Load.File(path));

        summary.Should().Contain("env_cmds BUILD, HOST (run by up and run, not by check)\n")
            .And.Contain("launched by its command, which should exit within 5s; runs until stopped\n")
            .And.Contain("run `pg_ctl stop`\n")
            .And.Contain("restart no, its end does not stop the others, a failure does not stop the others\n")
            .And.Contain("SIGTERM, to the parent process only\n");
    }
}
