namespace ProcMan.Output;

/// <summary>How lines are decorated on their way out.</summary>
/// <param name="Colors">Colour the prefixes with SGR escapes.</param>
/// <param name="Timestamps">Local time <c>HH:mm:ss.fff</c> before the name.</param>
/// <param name="Raw">The child's bytes only: no name, no timestamp.</param>
public sealed record OutputFormat(bool Colors = false, bool Timestamps = false, bool Raw = false);
