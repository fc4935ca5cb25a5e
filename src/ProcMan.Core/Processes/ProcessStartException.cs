namespace ProcMan.Processes;

/// <summary>A child could not be started (missing program, no permission, ...).</summary>
public sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner);
