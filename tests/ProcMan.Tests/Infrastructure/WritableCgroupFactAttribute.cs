using ProcMan.Processes.Linux;
using Xunit;

namespace ProcMan.Tests.Infrastructure;

/// <summary>
/// A test of ProcMan's instance cgroup: skipped, with the reason, where the machine gives this
/// process no cgroup v2 it may create cgroups in (no cgroup2 mount, not root and not delegated).
/// </summary>
public sealed class WritableCgroupFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(FindWhyUnavailable);

    public WritableCgroupFactAttribute()
    {
        if (Unavailable.Value is { } reason)
            Skip = reason;
    }

    private static string? FindWhyUnavailable()
    {
        if (InstanceCgroup.OwnDirectory() is not { } own)
            return "needs a cgroup v2 mount holding this process's cgroup";
        var probe = Path.Combine(own, $"procman-probe-{Environment.ProcessId}");
        var error = LibC.MakeDirectory(probe, 0b111_101_101);
        if (error != 0)
            return $"needs a cgroup v2 it may write to: mkdir {probe} failed with errno {error}";
        var killable = File.Exists(Path.Combine(probe, "cgroup.kill"));
        LibC.RemoveDirectory(probe);
        return killable ? null : "needs cgroup.kill (Linux 5.14)";
    }
}
