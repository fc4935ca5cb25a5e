using FluentAssertions;
using ProcMan.Control;
using ProcMan.Output;
using ProcMan.Processes;
using ProcMan.Reporting;
using ProcMan.Supervision;
using Xunit;

namespace ProcMan.Tests.Unit.Reporting;

/// <summary>The exit summary and ps tables from snapshots, in memory.</summary>
public sealed class SummaryTableTests
{
    private static readonly InstanceSnapshot Web = new()
    {
        Name = "web", Process = "web", State = ProcessState.Stopped, Pid = 41811, ExitCode = 143, Signal = UnixSignal.Terminate,
        RunTime = TimeSpan.FromMilliseconds(12_481), Lines = 118, Bytes = 9422,
    };

    private static readonly InstanceSnapshot Migrate = new()
    {
        Name = "migrate", Process = "migrate", State = ProcessState.Failed, Pid = 41807, ExitCode = 3, Restarts = 2,
        RunTime = TimeSpan.FromMilliseconds(914), Lines = 14, Bytes = 981,
    };

    private static readonly InstanceSnapshot Skipped = new() { Name = "tests", Process = "tests", State = ProcessState.Skipped };

    [Fact]
    public void I_see_each_instance_s_row_with_its_state_by_name_and_a_signal_before_its_code()
    {
        SummaryTable.Cells(Web).Should().Equal("web", "41811", "stopped", "SIGTERM", "0", "12.481s", "118", "9422");
        SummaryTable.Cells(Migrate).Should().Equal("migrate", "41807", "failed", "3", "2", "0.914s", "14", "981");
        SummaryTable.Cells(Skipped).Should().Equal("tests", "-", "skipped", "-", "0", "0.000s", "0", "0");
    }

    [Fact]
    public void I_see_the_summary_as_README_shows_it_words_left_and_numbers_right()
    {
        SummaryTable.Render([Web, Migrate]).Should().Be(
            "process    pid  state    exit     restarts  run time  lines  bytes\n"
            + "web      41811  stopped  SIGTERM         0   12.481s    118   9422\n"
            + "migrate  41807  failed   3               2    0.914s     14    981\n");
    }

    [Fact]
    public void I_get_the_summary_s_JSON_fields_from_the_same_snapshot()
    {
        SummaryJson.Fields(Web).Should().Equal(
            new("name", "web"), new("pid", 41811), new("state", "stopped"), new("exit_code", 143), new("signal", "SIGTERM"), new("ended_by", "signal"),
            new("restarts", 0), new("run_time_seconds", 12.481), new("lines", 118L), new("bytes", 9422L));
        SummaryJson.Details([Web, Skipped]).Should().BeOfType<SummaryDetails>().Which.Processes.Should().HaveCount(2);
    }

    [Fact]
    public void I_read_ps_uptimes_in_the_summary_s_duration_format()
    {
        var row = ProcessStatus.From(Web with { State = ProcessState.Running, Uptime = TimeSpan.FromSeconds(187.4) });

        PsTable.Cells(row).Should().Equal("web", "running", "41811", "3m07s", "0", "143", "no", "118", "9422");
        PsTable.Cells(row with { UptimeSeconds = 1.2344 })[3].Should().Be("1.234s");
        PsTable.Cells(row with { UptimeSeconds = null })[3].Should().Be("-");
    }

    [Fact]
    public void I_see_a_namespace_column_in_ps_only_when_some_process_is_outside_default()
    {
        var web = ProcessStatus.From(Web with { State = ProcessState.Running, Uptime = TimeSpan.FromSeconds(5) });
        var db = web with { Name = "db", Process = "db" };

        PsTable.Render([web, db]).Should().StartWith("NAME  STATE ");
        PsTable.Render([web with { Namespace = "front" }, db]).Split('\n').Take(3).Should().Equal(
            "NAME  NAMESPACE  STATE    PID    UPTIME  RESTARTS  EXIT  READY  LINES  BYTES",
            "web   front      running  41811  5.000s  0         143   no     118    9422",
            "db    default    running  41811  5.000s  0         143   no     118    9422");
    }

    [Fact]
    public void I_read_every_state_by_its_lower_case_name()
    {
        Enum.GetValues<ProcessState>().Select(state => state.ToText())
            .Should().Equal(Enum.GetValues<ProcessState>().Select(state => state.ToString().ToLowerInvariant()));
    }
}
