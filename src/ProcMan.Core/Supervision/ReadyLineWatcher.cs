using System.Text;
using ProcMan.Output;

namespace ProcMan.Supervision;

/// <summary>Calls back once, the first time a line containing <c>ready_log_line</c> goes by.</summary>
internal sealed class ReadyLineWatcher(string text, Action onSeen) : ILineObserver
{
    private readonly byte[] _text = Encoding.UTF8.GetBytes(text);
    private int _seen;

    public Action? OnLines(in OutputChunk chunk)
    {
        // Lines are whole (up to a pump's limit, 1 MiB), so a match can straddle two calls only
        // in a longer line, which comes in pieces: not worth holding bytes back for.
        var first = Volatile.Read(ref _seen) == 0 && chunk.Lines.IndexOf(_text) >= 0 && Interlocked.Exchange(ref _seen, 1) == 0;
        // Called back once the line is in the channel, so "is ready" is printed after it.
        return first ? onSeen : null;
    }
}
