namespace ProcMan.Output;

/// <summary>
/// The pump/drain handoff: who writes what is in the channel, one at a time. A pump that has
/// just put a chunk in takes the role when it is free and writes at once, so a lone line costs
/// one thread wake-up, not two; everything else (ProcMan's events, whose writers must never
/// block on the console, and a pump's chunks past <see cref="MostChunksForAPump"/>) wakes the
/// drain's own thread. Whoever holds the role reads the channel in order, so the order is the
/// channel's.
/// </summary>
internal sealed class DrainRole(OutputChannel input, Func<int, bool> writeAvailable)
{
    /// <summary>
    /// How many chunks a pump writes before it hands the role to the drain's own thread: a lone
    /// line or a short burst is written at once, but a flood from the other children never
    /// keeps a pump from reading its own child.
    /// </summary>
    public const int MostChunksForAPump = 16;

    private readonly object _role = new();
    private readonly AutoResetEvent _wake = new(initialState: false);

    /// <summary>For a pump, on its own thread, after a chunk went in: writes if nobody is.</summary>
    public void Handoff() => WriteIfIdle(MostChunksForAPump);

    /// <summary>For every other writer: the drain's own thread writes.</summary>
    public void Wake() => _wake.Set();

    /// <summary>For the drain's own thread: waits until it is woken.</summary>
    public void WaitForWork() => _wake.WaitOne();

    /// <summary>For the drain's own thread: writes everything there is, waiting for the role if a pump holds it.</summary>
    public void WriteAll()
    {
        lock (_role)
            writeAvailable(int.MaxValue);
    }

    /// <summary>For the drain's own thread: writes what is there, unless a pump is writing it.</summary>
    public void WriteAllIfIdle() => WriteIfIdle(int.MaxValue);

    /// <summary>
    /// Writes what is in the channel if nobody else is, up to <paramref name="most"/> chunks;
    /// past that, wakes the drain's own thread to write the rest. A holder that emptied the
    /// channel looks again once it has let go of the role: a chunk that came meanwhile, whose
    /// writer found the role taken, is written all the same.
    /// </summary>
    private void WriteIfIdle(int most)
    {
        while (input.HasPending && Monitor.TryEnter(_role))
        {
            bool emptied;
            try
            {
                emptied = writeAvailable(most);
            }
            finally
            {
                Monitor.Exit(_role);
            }
            if (!emptied)
            {
                _wake.Set();
                return;
            }
        }
    }
}
