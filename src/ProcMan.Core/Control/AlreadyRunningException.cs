namespace ProcMan.Control;

/// <summary>Another <c>procman up</c> already serves the same configuration file.</summary>
internal sealed class AlreadyRunningException(string message) : Exception(message);
