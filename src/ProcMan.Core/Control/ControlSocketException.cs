namespace ProcMan.Control;

/// <summary>
/// The control socket, or its directory, is not what ProcMan made: another user's, open to
/// others, a symbolic link, or some other kind of file. The message names the path and what
/// is wrong with it.
/// </summary>
internal sealed class ControlSocketException(string message) : Exception(message);
