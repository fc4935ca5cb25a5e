namespace ProcMan.Configuration;

/// <summary>
/// What a load decided for one declared process: how many copies, which of them start, and
/// which variables the configuration gives it. <c>procman check</c> renders these.
/// </summary>
/// <param name="Definition">The process as declared.</param>
/// <param name="Replicas">Copies after the formation and <c>disabled</c> are applied (0 = none).</param>
/// <param name="Instances">The instances to start: empty when disabled, scaled to 0 or not selected.</param>
/// <param name="ConfiguredVariables">
/// Names of the variables set by the configuration and its env files (not the inherited ones,
/// nor those ProcMan adds), sorted; never their values, which may be secrets.
/// </param>
internal sealed record ProcessPlan(
    ProcessDefinition Definition,
    int Replicas,
    IReadOnlyList<ProcessSpec> Instances,
    IReadOnlyList<string> ConfiguredVariables);
