namespace ProcMan.Processes;

/// <summary>
/// A pipe from a child that can be given more room, so that a child writing in bulk can run
/// ahead of ProcMan instead of waking it for every write.
/// </summary>
internal interface IGrowablePipe
{
    /// <summary>Makes room for at least <paramref name="bytes"/> unread bytes; false when the system refuses.</summary>
    bool TryGrow(int bytes);
}
