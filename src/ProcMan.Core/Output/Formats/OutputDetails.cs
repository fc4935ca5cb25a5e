namespace ProcMan.Output;

/// <summary>Structured data riding along with a chunk, for <c>--output json</c>.</summary>
internal abstract record OutputDetails;
