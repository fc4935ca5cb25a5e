namespace ProcMan.Output;

/// <summary>
/// The exit summary, for the one <c>"event": "summary"</c> object of <c>--output json</c>: one
/// field list per instance (values as in <see cref="EventDetails"/>), written as the objects of
/// its <c>processes</c> array.
/// </summary>
internal sealed record SummaryDetails(IReadOnlyList<IReadOnlyList<KeyValuePair<string, object?>>> Processes) : OutputDetails;
