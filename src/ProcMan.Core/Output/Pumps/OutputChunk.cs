using System.Buffers;

namespace ProcMan.Output;

/// <summary>
/// One or more complete lines from one stream of one source, each ending in <c>\n</c>, read in
/// one go. Batching the lines of a read keeps the channel's cost per line low under a flood.
/// Or, for a line too long to hold whole, one piece of it (see <see cref="Part"/>).
/// </summary>
/// <param name="Buffer">Rented from <see cref="ArrayPool{T}.Shared"/> (unless not <see cref="Pooled"/>); whoever consumes the chunk releases it.</param>
/// <param name="Length">How many bytes of <paramref name="Buffer"/> are lines.</param>
/// <param name="Time">When the lines were read.</param>
internal readonly record struct OutputChunk(OutputSource Source, OutputStream Stream, byte[] Buffer, int Length, DateTimeOffset Time)
{
    public ReadOnlySpan<byte> Lines => Buffer.AsSpan(0, Length);

    /// <summary>How many lines: counted once, when the chunk is made, for all who need it.</summary>
    public int LineCount { get; } = Buffer.AsSpan(0, Length).Count((byte)'\n');

    /// <summary>
    /// What a machine-readable format needs beyond the text: a ProcMan event's fields, or the
    /// exit summary's rows. The text formats ignore it (the lines already say it all).
    /// </summary>
    public OutputDetails? Details { get; init; }

    /// <summary>Whole lines, or which piece of one line.</summary>
    public LinePart Part { get; init; }

    /// <summary>The chunk begins a line (so a prefix goes before it): not a line's second or later piece.</summary>
    public bool StartsLine => Part is LinePart.Whole or LinePart.First;

    /// <summary>The chunk ends with a whole line's <c>\n</c>: not a piece that more of its line follows.</summary>
    public bool EndsLine => Part is LinePart.Whole or LinePart.Last;

    /// <summary>
    /// Whether <see cref="Buffer"/> goes back to the pool. Buffers for more than
    /// <see cref="LargestPooled"/> bytes do not: the pool would keep them for good, where the
    /// garbage collector takes them back once a burst of long lines is over.
    /// </summary>
    public bool Pooled { get; init; } = true;

    /// <summary>64 KiB: a flood's chunks, the ones worth recycling.</summary>
    public const int LargestPooled = 64 * 1024;

    /// <summary>Copies <paramref name="bytes"/> into a buffer of its own, adding a final <c>\n</c> if asked.</summary>
    public static OutputChunk Copy(OutputSource source, OutputStream stream, ReadOnlySpan<byte> bytes, bool addNewline)
    {
        var length = checked(bytes.Length + (addNewline ? 1 : 0));
        var pooled = length <= LargestPooled;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        bytes.CopyTo(buffer);
        if (addNewline)
            buffer[length - 1] = (byte)'\n';
        return new OutputChunk(source, stream, buffer, length, DateTimeOffset.UtcNow) { Pooled = pooled };
    }

    public void Release()
    {
        if (Pooled)
            ArrayPool<byte>.Shared.Return(Buffer);
    }
}
