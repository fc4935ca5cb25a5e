namespace ProcMan.Control;

/// <summary>What <c>procman stop|start|restart NAME...</c> asks of the supervisor.</summary>
public enum ControlAction
{
    Stop,
    Start,
    Restart,
}
