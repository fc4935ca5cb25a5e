using FluentAssertions;
using ProcMan.Processes;
using ProcMan.Processes.Linux;
using ProcMan.Tests.Infrastructure;
using Xunit;

namespace ProcMan.Tests.Specs;

/// <summary>
/// Where the machine gives ProcMan a cgroup v2, `up` runs in a cgroup of its own, and nothing it
/// started gets out of it: not even a process that keeps moving to new sessions, its every
/// ancestor gone, faster than any reading of /proc can follow.
/// </summary>
public sealed class InstanceCgroupSpecs : IAsyncLifetime
{
    private readonly TestDirectory _directory = new();
    private readonly Hopper _hopper;
    private readonly List<Hopper> _extraHoppers = [];

    public InstanceCgroupSpecs() => _hopper = new Hopper(_directory);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var hopper in _extraHoppers.Append(_hopper))
            await hopper.KillAsync();
        _directory.Dispose();
    }

    [WritableCgroupFact(Timeout = 60_000)]
    public async Task I_can_kill_procman_with_sigkill_and_a_process_hopping_to_new_sessions_still_dies()
    {
        await using var procman = StartHopper();
        await procman.WaitForLineAsync(line => line == "hopper  | hop 5");
        var cgroup = CgroupOf(procman);
        Directory.Exists(cgroup).Should().BeTrue("up runs in an instance cgroup where the machine gives one");

        procman.Signal(UnixSignal.Kill);

        await procman.WaitForExitAsync();
        (await _hopper.WaitUntilStoppedAsync(TimeSpan.FromSeconds(10)))
            .Should().BeTrue("the guardian kills the whole cgroup, however often its members moved to new sessions");
        (await WaitUntilGoneAsync(cgroup, TimeSpan.FromSeconds(10))).Should().BeTrue("the guardian removes the cgroup it killed");
    }

    [WritableCgroupFact(Timeout = 60_000)]
    public async Task I_can_stop_procman_with_sigint_and_a_process_hopping_to_new_sessions_is_stopped_too()
    {
        await using var procman = StartHopper();
        await procman.WaitForLineAsync(line => line == "hopper  | hop 5");
        var cgroup = CgroupOf(procman);
        Directory.Exists(cgroup).Should().BeTrue("up runs in an instance cgroup where the machine gives one");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync()).Should().Be(130);
        (await _hopper.WaitUntilStoppedAsync(TimeSpan.Zero)).Should().BeTrue("ProcMan ends only once nothing of its cgroup is left");
        Directory.Exists(cgroup).Should().BeFalse("ProcMan removes its cgroup at its end");
    }

    [WritableCgroupFact(Timeout = 60_000)]
    public async Task I_can_stop_procman_with_sigint_and_a_hopper_that_ignores_sigterm_is_killed_after_the_stop_timeout()
    {
        var hopper = new Hopper(_directory, ignoresTerm: true);
        _extraHoppers.Add(hopper);
        _directory.Write("procfile.yml", Procfile.Yaml(("hopper", hopper.Command)));
        await using var procman = ProcManRun.Start(_directory.Path, "up", "-t", "1");
        await procman.WaitForLineAsync(line => line == "hopper  | hop 5");

        procman.Signal(UnixSignal.Interrupt);

        (await procman.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(130, "the strays' stop timeout bounds the chase");
        (await hopper.WaitUntilStoppedAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("what ProcMan left in its cgroup, its guardian kills");
    }

    [WritableCgroupFact(Timeout = 60_000)]
    public async Task I_can_run_procman_without_a_cgroup_by_setting_PROCMAN_NO_CGROUP()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("idle", "echo up; exec sleep 300")));
        await using var procman = ProcManRun.Start(_directory.Path, ["up"], new Dictionary<string, string?> { ["PROCMAN_NO_CGROUP"] = "1" });
        await procman.WaitForLineAsync(line => line == "idle    | up");

        Directory.Exists(CgroupOf(procman)).Should().BeFalse("PROCMAN_NO_CGROUP=1 opts out");
        CgroupNameOf(procman.Pid.ToString()).Should().Be(CgroupNameOf("self"), "ProcMan stays in the cgroup it was started in");
        procman.Signal(UnixSignal.Interrupt);
        (await procman.WaitForExitAsync()).Should().Be(130);
    }

    private ProcManRun StartHopper()
    {
        _directory.Write("procfile.yml", Procfile.Yaml(("hopper", _hopper.Command)));
        return ProcManRun.Start(_directory.Path, "up", "-t", "2");
    }

    private static string CgroupOf(ProcManRun procman) => Path.Combine(InstanceCgroup.OwnDirectory()!, $"procman-{procman.Pid}");

    private static string CgroupNameOf(string process) =>
        File.ReadAllLines($"/proc/{process}/cgroup").Single(line => line.StartsWith("0::", StringComparison.Ordinal))[3..];

    private static async Task<bool> WaitUntilGoneAsync(string directory, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Directory.Exists(directory))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(20);
        }
        return true;
    }
}
