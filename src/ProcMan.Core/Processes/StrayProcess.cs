namespace ProcMan.Processes;

/// <summary>
/// A descendant of a process ProcMan started that left its process's group and session and
/// outlived its parent (a double-forked daemon): ProcMan adopted it, and stops it with the stack.
/// </summary>
/// <param name="StartTime">When it started, which tells it apart from a later holder of its pid.</param>
internal sealed record StrayProcess(int Pid, string Command, ulong StartTime);
