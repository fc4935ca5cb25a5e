using FluentAssertions;
using ProcMan.Configuration;
using ProcMan.Supervision.Probes;
using ProcMan.Tests.Unit.Supervision.Fakes;
using Xunit;

namespace ProcMan.Tests.Unit.Supervision.Probes;

/// <summary>What an exec probe's attempt says, with a scripted child in place of the command.</summary>
public sealed class ExecCheckTests
{
    private static readonly ProcessSpec Web = new("web", ["./server"], "/tmp", new Dictionary<string, string>());

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_passing_exec_probe_worded_as_the_probe_succeeding_not_as_the_process_exiting()
    {
        var launcher = new ScriptedLauncher { OnStart = child => { child.WriteLine("ok"); child.Exit(0); } };
        var check = new ExecCheck(new ExecProbeCheck("curl -fsS http://127.0.0.1:3000/health"), Web, launcher);

        var result = await check.RunAsync(CancellationToken.None);

        result.Should().Be(new ProbeResult(true, "probe `curl -fsS http://127.0.0.1:3000/health` succeeded"));
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_failing_exec_probe_named_as_the_probe_with_its_code_and_last_line()
    {
        var launcher = new ScriptedLauncher { OnStart = child => { child.WriteLine("trying"); child.WriteLine("curl: (7) Failed to connect"); child.Exit(7); } };
        var check = new ExecCheck(new ExecProbeCheck("curl -fsS http://127.0.0.1:3000/health"), Web, launcher);

        var result = await check.RunAsync(CancellationToken.None);

        result.Should().Be(new ProbeResult(false, "probe exited with code 7: curl: (7) Failed to connect"));
        check.TimedOut(TimeSpan.FromSeconds(1.5)).Summary.Should().Be("probe timed out after 1.5 s");
    }

    [Fact(Timeout = 10_000)]
    public async Task I_see_a_long_or_multi_line_probe_command_shortened_in_its_success()
    {
        var launcher = new ScriptedLauncher { OnStart = child => child.Exit(0) };
        var multiLine = new ExecCheck(new ExecProbeCheck("test -f ready\n  && test -s ready\n"), Web, launcher);
        var long_ = new ExecCheck(new ExecProbeCheck(new string('x', 100)), Web, launcher);

        (await multiLine.RunAsync(CancellationToken.None)).Summary.Should().Be("probe `test -f ready ...` succeeded");
        (await long_.RunAsync(CancellationToken.None)).Summary.Should().Be($"probe `{new string('x', 80)}...` succeeded");
    }
}
