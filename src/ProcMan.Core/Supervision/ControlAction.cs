namespace ProcMan.Supervision;

/// <summary>What <c>procman stop|start|restart NAME...</c> asks of the supervisor.</summary>
public enum ControlAction
{
    Stop,
    Start,
    Restart,
}
