using System.Globalization;
using System.Text;

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

        // Before the other checks, whose messages print the name: these characters would
        // act on the terminal (escape sequences), reorder it (U+202E) or hide in it (U+200B).
        if (FirstInvisible(name) is { } invisible)
        {
            return $"process name `{Printable(name)}` must not contain control or invisible characters ({invisible}): it is used as the output prefix";
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

    /// <summary>True when the name has a character that prints nothing, or something else than itself.</summary>
    public static bool HasInvisible(string name) => FirstInvisible(name) is not null;

    /// <summary>The name with each control or invisible character written as <c>\uXXXX</c>, safe to print.</summary>
    public static string Printable(string name)
    {
        var printable = new StringBuilder(name.Length);
        var index = 0;
        while (index < name.Length)
        {
            var status = Rune.DecodeFromUtf16(name.AsSpan(index), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done || IsInvisible(rune))
            {
                foreach (var unit in name.AsSpan(index, consumed))
                {
                    printable.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
                }
            }
            else
            {
                printable.Append(name, index, consumed);
            }

            index += consumed;
        }

        return printable.ToString();
    }

    private static string? FirstInvisible(string name)
    {
        var index = 0;
        while (index < name.Length)
        {
            var status = Rune.DecodeFromUtf16(name.AsSpan(index), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return $"an unpaired surrogate at {index + 1}";
            }

            if (IsInvisible(rune))
            {
                return $"U+{rune.Value:X4} at {index + 1}";
            }

            index += consumed;
        }

        return null;
    }

    /// <summary>Controls (NUL, ESC, ...), formats (bidi overrides, zero-width), and code points with no glyph of their own.</summary>
    private static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
