namespace ProcMan.Output;

/// <summary><c>--output</c>: what the console gets; the first is the default (an absent option reads as it).</summary>
internal enum OutputMode
{
    /// <summary>Prefixed lines for people (<c>--raw</c>, <c>--timestamps</c> and <c>--color</c> apply).</summary>
    Text,

    /// <summary>One JSON object per line, for programs.</summary>
    Json,
}
