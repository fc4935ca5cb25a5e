namespace ProcMan.Configuration;

/// <summary>
/// Top-level <c>log_level</c>: the least severe of ProcMan's own events shown, with
/// process-compose's words (<c>trace</c>, <c>debug</c>, <c>info</c>, <c>warn</c>, <c>error</c>,
/// <c>fatal</c>, <c>panic</c>). The children's lines are never filtered.
/// </summary>
internal enum EventLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}
