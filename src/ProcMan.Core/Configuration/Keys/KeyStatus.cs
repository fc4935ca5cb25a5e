namespace ProcMan.Configuration;

/// <summary>What the loader does with a configuration key.</summary>
internal enum KeyStatus
{
    /// <summary>Read, with the meaning the key table gives it.</summary>
    Implemented,

    /// <summary>Accepted and without effect, for the reason given: it has no meaning for ProcMan.</summary>
    Ignored,

    /// <summary>Refused with "not supported yet": ProcMan will give it its meaning later.</summary>
    NotYet,

    /// <summary>Refused with the reason given: ProcMan will not give it its meaning.</summary>
    Refused,
}
