using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>
/// The check a probe's configuration asks for, for one instance: an http_get's port is looked up
/// in that instance's environment. The loader has already refused a port that does not resolve,
/// so a <see cref="FailingCheck"/> is only for a spec built otherwise.
/// </summary>
internal static class ProbeChecks
{
    public static IProbeCheck Create(ProbeCheck check, ProcessSpec process, IProcessLauncher launcher) => check switch
    {
        ExecProbeCheck exec => new ExecCheck(exec, process, launcher),
        HttpProbeCheck http => http.Port.TryResolve(process.Environment, process.Name, out var port, out var problem)
            ? new HttpCheck(http.UriFor(port), http.Headers ?? [], http.StatusCode)
            : new FailingCheck(problem),
        _ => throw new NotSupportedException(check.GetType().Name),
    };
}
