namespace ProcMan.Configuration;

/// <summary>
/// Rules for process names. A name becomes the prefix of every output line (<c>web | ...</c>),
/// so it must be printable as one token and not be mistaken for ProcMan's own messages.
/// </summary>
internal static class ProcessNames
{
    /// <summary>ProcMan prefixes its own lines with this; a process may not impersonate it.</summary>
    public const string Reserved = "procman";

    /// <summary>Why <paramref name="name"/> cannot be a prefix, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0 || name.All(char.IsWhiteSpace))
        {
            return "a process name must not be empty";
        }

        if (name.Any(char.IsWhiteSpace))
        {
            return $"process name `{name}` must not contain whitespace: it is used as the output prefix";
        }

        if (name.Contains('|'))
        {
            return $"process name `{name}` must not contain `|`: it separates the prefix from the output";
        }

        if (string.Equals(name, Reserved, StringComparison.OrdinalIgnoreCase))
        {
            return $"`{name}` is reserved for ProcMan's own messages; choose another process name";
        }

        return null;
    }
}
