namespace ProcMan.Configuration;

/// <summary>The mapping a configuration key belongs to.</summary>
internal enum KeySection
{
    TopLevel,
    Shell,
    LogConfiguration,
    LogRotation,
    Process,
    Availability,
    Probe,
    ProbeExec,
    ProbeHttpGet,
    Shutdown,
    Dependency,
}
