namespace ProcMan.Output;

/// <summary>The exit summary's rows, for the one <c>"event": "summary"</c> object of <c>--output json</c>.</summary>
public sealed record SummaryDetails(IReadOnlyList<SummaryRow> Rows) : OutputDetails;
