namespace ProcMan.Supervision;

/// <summary>What <c>procman stop|start|restart NAME...</c> asks of the supervisor.</summary>
internal enum ControlAction
{
    Stop,
    Start,
    Restart,
}
