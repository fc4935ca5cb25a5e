using ProcMan.Configuration;

namespace ProcMan.Supervision;

/// <summary>
/// Who waits on whom, between instances: answers whether an instance may start, and whether a
/// process may be stopped yet (dependents stop before their dependencies).
/// </summary>
internal sealed class DependencyTracker(IReadOnlyList<ProcessInstance> instances)
{
    private readonly ILookup<string, ProcessInstance> _byProcess = instances.ToLookup(i => i.ProcessName, StringComparer.Ordinal);

    /// <summary>The result of checking an instance's dependencies.</summary>
    public abstract record Verdict;

    public sealed record Met : Verdict;

    /// <summary>Some dependency may still come to hold; <paramref name="WaitingFor"/> says which, for the log.</summary>
    public sealed record Pending(string WaitingFor) : Verdict;

    /// <summary>Some dependency can never hold.</summary>
    public sealed record Never(string Reason) : Verdict;

    public Verdict Evaluate(ProcessInstance dependent)
    {
        var pending = new List<string>();
        foreach (var dependency in dependent.Definition?.DependsOn ?? [])
        {
            var targets = _byProcess[dependency.Target].Where(i => dependency.Replica is not { } replica || i.Spec.Replica == replica).ToList();
            if (targets.Count == 0)
                return new Never($"{dependency.WrittenTarget} is not started by this run");
            foreach (var target in targets)
            {
                switch (Holds(target, dependency.Condition))
                {
                    case false:
                        return new Never($"{target.Name} {target.DescribeEnd()}, so {ConditionName(dependency.Condition)} can never hold");
                    case null:
                        pending.Add($"{target.Name} ({ConditionName(dependency.Condition)})");
                        break;
                }
            }
        }
        return pending.Count == 0 ? new Met() : new Pending(string.Join(", ", pending));
    }

    /// <summary>Whether every instance that depends on <paramref name="target"/> has finished, so it may be stopped.</summary>
    public bool DependentsAreDone(ProcessInstance target) =>
        instances.Where(i => i.Definition?.DependsOn.Any(d => d.Target == target.ProcessName) == true).All(i => i.IsTerminal);

    /// <summary>The condition as it is written in the file.</summary>
    public static string ConditionName(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ProcessStarted => "process_started",
        DependencyCondition.ProcessHealthy => "process_healthy",
        DependencyCondition.ProcessLogReady => "process_log_ready",
        DependencyCondition.ProcessCompleted => "process_completed",
        _ => "process_completed_successfully",
    };

    /// <summary>True: holds. False: can never hold. Null: not yet.</summary>
    private static bool? Holds(ProcessInstance target, DependencyCondition condition)
    {
        // Stopped on request is not gone for good: a `procman start` may bring it back.
        var gone = target.IsTerminal && !target.StoppedByRequest;
        return condition switch
        {
            DependencyCondition.ProcessStarted => target.HasStarted ? true : gone ? false : null,
            DependencyCondition.ProcessHealthy => target.State == ProcessState.Ready ? true : gone ? false : null,
            DependencyCondition.ProcessLogReady => target.HasLoggedReady ? true : gone ? false : null,
            DependencyCondition.ProcessCompleted => target.State is ProcessState.Completed or ProcessState.Failed ? true : gone ? false : null,
            _ => target.State == ProcessState.Completed ? true : gone ? false : null,
        };
    }
}
