namespace ProcMan.Configuration;

/// <summary>Whether process-compose has a key, and with the same meaning.</summary>
internal enum ProcessComposeSupport
{
    /// <summary>process-compose has it, with this meaning.</summary>
    Same,

    /// <summary>ProcMan's own key.</summary>
    ProcManOnly,

    /// <summary>process-compose has it; ProcMan's meaning differs as the key table says.</summary>
    Differs,
}
