namespace ProcMan.Output;

/// <summary>Where a line came from.</summary>
internal enum OutputStream
{
    StandardOutput,
    StandardError,

    /// <summary>ProcMan's own events.</summary>
    ProcMan,
}
