namespace ProcMan.Configuration;

/// <summary>One file's part in a process merged from several files: which of its keys that file wrote.</summary>
/// <param name="File">The file, as the user named it (or as <c>extends</c> reached it).</param>
/// <param name="Keys">The process's keys written in that file, in its order.</param>
internal sealed record ProcessSource(string File, IReadOnlyList<string> Keys);
