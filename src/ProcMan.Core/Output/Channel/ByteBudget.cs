namespace ProcMan.Output;

/// <summary>
/// Limits the bytes in flight between the pumps and the drain, so a child that writes huge
/// lines cannot fill memory while the console is slow. A lone chunk larger than the whole
/// budget still passes when nothing else is in flight, so nothing ever deadlocks.
/// </summary>
internal sealed class ByteBudget(long limit)
{
    private readonly object _gate = new();
    private readonly Queue<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _inFlight;

    public ValueTask AcquireAsync(long bytes)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0 && Fits(bytes))
            {
                _inFlight += bytes;
                return ValueTask.CompletedTask;
            }
            var granted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((bytes, granted));
            return new ValueTask(granted.Task);
        }
    }

    /// <summary>Takes room at once, over the limit if need be: for a writer that must never wait.</summary>
    public void Take(long bytes)
    {
        lock (_gate)
            _inFlight += bytes;
    }

    public void Release(long bytes)
    {
        lock (_gate)
        {
            _inFlight -= bytes;
            // First come, first served: a big chunk is not starved by a stream of small ones.
            while (_waiting.TryPeek(out var next) && Fits(next.Bytes))
            {
                _waiting.Dequeue();
                _inFlight += next.Bytes;
                next.Granted.SetResult();
            }
        }
    }

    private bool Fits(long bytes) => _inFlight == 0 || _inFlight + bytes <= limit;
}
