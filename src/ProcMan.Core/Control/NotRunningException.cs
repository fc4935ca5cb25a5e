namespace ProcMan.Control;

/// <summary>No <c>procman up</c> answers for the configuration file.</summary>
internal sealed class NotRunningException(string message) : Exception(message);
