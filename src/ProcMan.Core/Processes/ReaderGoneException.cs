namespace ProcMan.Processes;

/// <summary>A write failed because the output's reader went away (a closed pipe): an ordinary end, not an error.</summary>
internal sealed class ReaderGoneException(string message) : IOException(message);
