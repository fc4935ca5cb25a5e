namespace ProcMan.Configuration;

/// <summary>Where something was written: a file as the user named it, a 1-based line and column.</summary>
internal sealed record SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
