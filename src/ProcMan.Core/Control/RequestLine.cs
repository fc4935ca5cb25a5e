namespace ProcMan.Control;

/// <summary>
/// The one line a client sends, read as bytes and bounded: without a bound, a client that
/// never sends its newline made ProcMan keep gigabytes (200 MB in took 970 MB of memory).
/// </summary>
internal static class RequestLine
{
    /// <summary>Far above any real request (a few hundred bytes, or a long list of names).</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int InitialBytes = 4096;

    /// <summary>What the client sent: its line (without the newline), nothing (it left), or too much.</summary>
    public readonly record struct Result(ReadOnlyMemory<byte>? Line, bool TooLong);

    public static async Task<Result> ReadAsync(Stream stream, CancellationToken cancellation)
    {
        var buffer = new byte[InitialBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxBytes)
                    return new Result(null, TooLong: true);
                // One byte beyond the bound: a line of exactly MaxBytes still fits, with its newline.
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBytes + 1));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellation).ConfigureAwait(false);
            if (read == 0)
                return new Result(null, TooLong: false);
            var newline = buffer.AsSpan(length, read).IndexOf((byte)'\n');
            if (newline >= 0)
                return new Result(buffer.AsMemory(0, length + newline), TooLong: false);
            length += read;
        }
    }
}
