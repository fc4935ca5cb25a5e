using System.Text;

namespace ProcMan.Configuration;

/// <summary>
/// Turns a Go time layout (process-compose's <c>timestamp_format</c>: the reference time
/// <c>Mon Jan 2 15:04:05 MST 2006</c> written as wanted) into a .NET custom date and time
/// pattern. Covers the parts real files use; a part .NET cannot write, or text with no part of a
/// layout at all (a .NET or strftime pattern by mistake), is an error, not a wrong timestamp.
/// </summary>
internal static class GoTimeLayout
{
    /// <summary>Longer would not fit the space a line's prefix has for it.</summary>
    public const int MaximumLength = 40;

    // Longest first where one begins another ("January" before "Jan", "2006" before "2").
    private static readonly (string Go, string? DotNet, string? Why)[] Parts =
    [
        ("January", "MMMM", null),
        ("Jan", "MMM", null),
        ("Monday", "dddd", null),
        ("Mon", "ddd", null),
        ("MST", null, "a time zone's name; use `-07:00` for its offset"),
        ("2006", "yyyy", null),
        ("Z07:00", "zzz", null),
        ("Z0700", null, "an offset without a colon; use `Z07:00` or `-07:00`"),
        ("Z07", "zz", null),
        ("-07:00:00", null, "an offset with seconds; use `-07:00`"),
        ("-07:00", "zzz", null),
        ("-0700", null, "an offset without a colon; use `-07:00`"),
        ("-07", "zz", null),
        ("002", null, "the day of the year"),
        ("__2", null, "the day of the year"),
        ("_2", null, "a day padded with a space; use `02` or `2`"),
        ("01", "MM", null),
        ("02", "dd", null),
        ("03", "hh", null),
        ("04", "mm", null),
        ("05", "ss", null),
        ("06", "yy", null),
        ("15", "HH", null),
        ("1", "M", null),
        ("2", "d", null),
        ("3", "h", null),
        ("4", "m", null),
        ("5", "s", null),
        ("PM", "tt", null),
        ("pm", null, "a lower-case am/pm; use `PM`"),
    ];

    /// <summary>The .NET pattern for <paramref name="layout"/>, or null with <paramref name="problem"/> saying why not.</summary>
    public static string? ToDotNet(string layout, out string? problem)
    {
        problem = null;
        if (layout.Length == 0 || layout.Length > MaximumLength)
        {
            problem = layout.Length == 0 ? "is empty" : $"is longer than {MaximumLength} characters";
            return null;
        }

        var pattern = new StringBuilder();
        var parts = 0;
        for (var at = 0; at < layout.Length;)
        {
            if (FractionLength(layout, at) is > 0 and var digits)
            {
                if (digits > 7)
                {
                    problem = "has more than 7 digits of a second, the most .NET writes";
                    return null;
                }
                // Go's 0s always write their digits, its 9s drop trailing zeros: .NET's f and F.
                pattern.Append('\\').Append(layout[at]).Append(layout[at + 1] == '0' ? 'f' : 'F', digits);
                at += digits + 1;
                parts++;
                continue;
            }

            if (Array.FindIndex(Parts, part => string.CompareOrdinal(layout, at, part.Go, 0, part.Go.Length) == 0) is >= 0 and var found)
            {
                var (go, dotNet, why) = Parts[found];
                if (dotNet is null)
                {
                    problem = $"uses `{go}` ({why}), which ProcMan cannot write";
                    return null;
                }
                pattern.Append(dotNet);
                at += go.Length;
                parts++;
                continue;
            }

            // Anything else is written as it is: escaped, since .NET gives many letters a meaning.
            pattern.Append('\\').Append(layout[at]);
            at++;
        }

        if (parts == 0)
        {
            problem = "is not a Go time layout: write the reference time `2006-01-02 15:04:05.000` as you want it";
            return null;
        }
        return pattern.ToString();
    }

    /// <summary>How many 0s or 9s follow a <c>.</c> or <c>,</c> at <paramref name="at"/> (not followed by a digit), else 0.</summary>
    private static int FractionLength(string layout, int at)
    {
        if (layout[at] is not ('.' or ',') || at + 1 >= layout.Length || layout[at + 1] is not ('0' or '9'))
            return 0;
        var digit = layout[at + 1];
        var end = at + 1;
        while (end < layout.Length && layout[end] == digit)
            end++;
        return end < layout.Length && char.IsAsciiDigit(layout[end]) ? 0 : end - at - 1;
    }
}
