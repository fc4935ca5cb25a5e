namespace ProcMan.Output;

/// <summary><c>--output</c>: what the console gets.</summary>
internal enum OutputMode
{
    /// <summary>Prefixed lines for people (<c>--raw</c>, <c>--timestamps</c> and <c>--color</c> apply).</summary>
    Text,

    /// <summary>One JSON object per line, for programs.</summary>
    Json,
}
