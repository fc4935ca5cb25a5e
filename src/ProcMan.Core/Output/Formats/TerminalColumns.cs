namespace ProcMan.Output;

/// <summary>
/// How many columns bytes take on a terminal, erring on the wide side (so what is meant to fit
/// on one row never wraps): escape sequences take none, a character of three or four UTF-8
/// bytes two (East Asian, emoji), a tab eight.
/// </summary>
internal static class TerminalColumns
{
    public static int Of(ReadOnlySpan<byte> text)
    {
        var columns = 0;
        for (var i = 0; i < text.Length; i = Next(text, i, ref columns))
        {
        }
        return columns;
    }

    /// <summary>Where the end of <paramref name="text"/> that fits in <paramref name="columns"/> begins (at a character, never inside an escape).</summary>
    public static int TailStart(ReadOnlySpan<byte> text, int columns)
    {
        var excess = Of(text) - Math.Max(columns, 0);
        var skipped = 0;
        var i = 0;
        while (i < text.Length && skipped < excess)
            i = Next(text, i, ref skipped);
        return i;
    }

    /// <summary>Steps over the character or escape sequence at <paramref name="i"/>, adding its columns.</summary>
    private static int Next(ReadOnlySpan<byte> text, int i, ref int columns)
    {
        var b = text[i];
        if (b == 0x1B)
        {
            // CSI (ESC [ parameters final byte); any other escape is ESC and one byte.
            if (i + 1 < text.Length && text[i + 1] == (byte)'[')
            {
                var j = i + 2;
                while (j < text.Length && text[j] is < 0x40 or > 0x7E)
                    j++;
                return Math.Min(j + 1, text.Length);
            }
            return Math.Min(i + 2, text.Length);
        }
        if (b == (byte)'\t')
        {
            columns += 8;
            return i + 1;
        }
        if (b < 0x20 || b == 0x7F)
            return i + 1;
        var length = b switch { < 0x80 => 1, >= 0xF0 => 4, >= 0xE0 => 3, >= 0xC0 => 2, _ => 1 };
        columns += length >= 3 ? 2 : 1;
        // A truncated or invalid sequence: step over what is there, continuation bytes only.
        var end = i + 1;
        while (end < text.Length && end < i + length && (text[end] & 0xC0) == 0x80)
            end++;
        return end;
    }
}
