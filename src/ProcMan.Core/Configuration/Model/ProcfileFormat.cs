namespace ProcMan.Configuration;

/// <summary>The two file syntaxes ProcMan reads, chosen by the file name's extension.</summary>
internal enum ProcfileFormat
{
    /// <summary><c>*.yml</c> or <c>*.yaml</c>: the full configuration.</summary>
    Yaml,

    /// <summary>Anything else: foreman's one <c>NAME: COMMAND</c> per line.</summary>
    Procfile,
}
