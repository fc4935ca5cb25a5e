namespace ProcMan.Configuration;

/// <summary>
/// Whose defaults a YAML file is read with. The keys are the same; where process-compose's
/// behaviour differs from ProcMan's by accident (the shell, replica names, the back-off, what
/// ends the run), a process-compose file gets process-compose's, so that it runs unchanged.
/// </summary>
internal enum ConfigurationDialect
{
    /// <summary>ProcMan's own defaults: <c>procfile.yml</c>, any other name, and every Procfile.</summary>
    ProcMan,

    /// <summary>process-compose's defaults: a file named as process-compose discovers it.</summary>
    ProcessCompose,
}
