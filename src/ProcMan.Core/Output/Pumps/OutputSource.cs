namespace ProcMan.Output;

/// <summary>A named writer of lines: a child process, or ProcMan itself.</summary>
/// <param name="Name">The prefix name.</param>
/// <param name="Index">Its position in the file, which picks its colour.</param>
internal sealed record OutputSource(string Name, int Index)
{
    public const string ProcManName = "procman";

    public static readonly OutputSource ProcMan = new(ProcManName, -1);
}
