using ProcMan.Configuration;
using ProcMan.Processes;

namespace ProcMan.Supervision.Probes;

/// <summary>The check a probe's configuration asks for.</summary>
internal static class ProbeChecks
{
    public static IProbeCheck Create(ProbeCheck check, ProcessSpec process, IProcessLauncher launcher) => check switch
    {
        ExecProbeCheck exec => new ExecCheck(exec, process, launcher),
        HttpProbeCheck http => new HttpCheck(http),
        _ => throw new NotSupportedException(check.GetType().Name),
    };
}
