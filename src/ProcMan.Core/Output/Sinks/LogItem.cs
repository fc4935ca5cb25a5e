namespace ProcMan.Output;

/// <summary>What a log follower receives: lines, or word that lines were dropped for it.</summary>
internal abstract record LogItem
{
    public sealed record Lines(LogEntry Entry) : LogItem;

    /// <summary><paramref name="Count"/> lines were not delivered because the follower read too slowly.</summary>
    public sealed record Skipped(long Count) : LogItem;
}
