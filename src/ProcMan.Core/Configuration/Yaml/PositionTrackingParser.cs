using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProcMan.Configuration;

/// <summary>
/// A YAML parser that remembers where the last event it gave out started, so that a failure
/// the representation model reports without a position (it throws plain
/// <see cref="ArgumentException"/>s and <see cref="InvalidOperationException"/>s on event
/// sequences it does not expect) can still name a line and column.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark Last { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            Last = current.Start;
        }

        return moved;
    }
}
