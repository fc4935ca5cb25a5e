namespace ProcMan.Configuration;

/// <summary>
/// One key of one section: what ProcMan does with it (<see cref="Meaning"/>, or the reason it is
/// ignored or refused) and its default, as the README's key table shows it.
/// </summary>
internal sealed record ConfigurationKey(KeySection Section, string Name, KeyStatus Status, string Meaning)
{
    /// <summary>The value an absent key stands for, as a reader would write it; null when there is none to speak of.</summary>
    public string? Default { get; init; }

    public ProcessComposeSupport ProcessCompose { get; init; } = ProcessComposeSupport.Same;

    /// <summary>Where the key is written, for the key table: <c>processes.NAME.availability.restart</c>.</summary>
    public string Path => ConfigurationKeys.PathOf(Section) + Name;
}
