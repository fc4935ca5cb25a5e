namespace ProcMan.Output;

/// <summary>
/// Removes ANSI (ECMA-48) escape sequences from bytes, in place: colours and styles (SGR),
/// cursor and erase commands (CSI), window titles and links (OSC), and the short ESC forms. For
/// <c>disable_ansi_colors</c> and a log file's <c>no_color</c>. Works on whole lines and never
/// removes a newline: a sequence a newline breaks off is dropped up to it, and one the end of
/// the bytes cuts off is dropped to the end. The 8-bit C1 forms are left alone, since in UTF-8
/// those bytes are parts of characters.
/// </summary>
internal static class AnsiEscapes
{
    private const byte Escape = 0x1B;
    private const byte Bell = 0x07;
    private const byte Newline = (byte)'\n';

    /// <summary>Removes the escape sequences of <paramref name="bytes"/>, moving the rest to the front; returns its length.</summary>
    public static int Strip(Span<byte> bytes)
    {
        var first = bytes.IndexOf(Escape);
        if (first < 0)
            return bytes.Length;

        var written = first;
        var read = first;
        while (read < bytes.Length)
        {
            if (bytes[read] != Escape)
            {
                bytes[written++] = bytes[read++];
                continue;
            }
            read = EndOfSequence(bytes, read);
        }
        return written;
    }

    /// <summary>Whether there is anything to strip: the common case, plain text, costs one search.</summary>
    public static bool Any(ReadOnlySpan<byte> bytes) => bytes.Contains(Escape);

    /// <summary>Where the sequence that begins with the ESC at <paramref name="at"/> ends (the index after it).</summary>
    private static int EndOfSequence(ReadOnlySpan<byte> bytes, int at)
    {
        var next = at + 1;
        if (next >= bytes.Length)
            return next;
        return bytes[next] switch
        {
            (byte)'[' => EndOfControlSequence(bytes, next + 1),
            (byte)']' or (byte)'P' or (byte)'X' or (byte)'^' or (byte)'_' => EndOfString(bytes, next + 1),
            >= 0x20 and <= 0x2F => EndOfShortSequence(bytes, next),
            >= 0x30 and <= 0x7E => next + 1,
            // ESC then another control character (a newline): only the ESC goes.
            _ => next,
        };
    }

    /// <summary>CSI: parameter bytes, intermediate bytes, one final byte.</summary>
    private static int EndOfControlSequence(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length && bytes[at] is >= 0x20 and <= 0x3F)
            at++;
        // A final byte ends it; anything else (a newline, another ESC) is not part of it.
        return at < bytes.Length && bytes[at] is >= 0x40 and <= 0x7E ? at + 1 : at;
    }

    /// <summary>OSC, DCS and the like: text up to BEL or ESC \ (the string terminator).</summary>
    private static int EndOfString(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length)
        {
            switch (bytes[at])
            {
                case Bell:
                    return at + 1;
                case Escape:
                    return at + 1 < bytes.Length && bytes[at + 1] == (byte)'\\' ? at + 2 : at;
                case Newline:
                    return at;
                default:
                    at++;
                    break;
            }
        }
        return at;
    }

    /// <summary>ESC, intermediate bytes (a character set's <c>(</c>), one final byte.</summary>
    private static int EndOfShortSequence(ReadOnlySpan<byte> bytes, int at)
    {
        while (at < bytes.Length && bytes[at] is >= 0x20 and <= 0x2F)
            at++;
        return at < bytes.Length && bytes[at] is >= 0x30 and <= 0x7E ? at + 1 : at;
    }
}
