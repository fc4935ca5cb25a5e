namespace ProcMan.Output;

/// <summary>Where to cut bytes that are probably UTF-8 text so that no character is torn in two.</summary>
internal static class Utf8Boundary
{
    /// <summary>
    /// How many of <paramref name="bytes"/> to take to take at most <paramref name="most"/>:
    /// <paramref name="most"/>, less the bytes of a character it would cut through (so each
    /// part stays valid text if the whole was). Bytes that are not UTF-8 are cut anywhere.
    /// </summary>
    public static int Cut(ReadOnlySpan<byte> bytes, int most)
    {
        if (bytes.Length <= most)
            return bytes.Length;
        var cut = most;
        // A continuation byte (10xxxxxx) belongs to the character before it, of at most 4 bytes.
        for (var back = 0; back < 3 && cut > 1 && (bytes[cut] & 0xC0) == 0x80; back++)
            cut--;
        return (bytes[cut] & 0xC0) == 0x80 ? most : cut;
    }
}
