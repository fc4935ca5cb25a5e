namespace ProcMan.Output;

/// <summary>
/// A ProcMan event's fields: its level, its kind (<c>started</c>, <c>exited</c>...) when it has
/// one, and its properties under snake_case names (<c>pid</c>, <c>exit_code</c>, <c>signal</c>...).
/// </summary>
/// <param name="Level">info, warning or error.</param>
/// <param name="Event">The kind of event, or null for a free-form message.</param>
/// <param name="Fields">Values are null, bool, long, double or string.</param>
internal sealed record EventDetails(string Level, string? Event, IReadOnlyList<KeyValuePair<string, object?>> Fields) : OutputDetails
{
    /// <summary>
    /// The instance the event is about (its <c>name</c> field: <c>web</c>, <c>web.2</c>), or null
    /// for ProcMan's own (stopping all processes...): <c>procman logs web</c> shows web's events.
    /// </summary>
    public string? Subject { get; } = Fields.FirstOrDefault(field => field.Key == "name").Value as string;
}
