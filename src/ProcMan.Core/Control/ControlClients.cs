using ProcMan.Processes.Linux;

namespace ProcMan.Control;

/// <summary>
/// The places the control socket gives its clients. They are capped, so that a flood of
/// connections cannot take the descriptors ProcMan needs (at EMFILE the runtime itself fails);
/// a newcomer beyond the cap takes the place of the oldest client that has sent no request
/// yet, so a <c>ps</c> or a <c>down</c>, which send theirs at once, are served through any
/// flood of idle ones. Clients served for long (<c>logs -f</c>, <c>wait</c>) may not take the
/// last places, which are kept for those short requests.
/// </summary>
internal sealed class ControlClients
{
    /// <summary>Enough for any interactive use; beyond it a flood, not users.</summary>
    public const int MaxCapacity = 64;

    private const int MinCapacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<Slot> _idle = new(); // Oldest first.
    private int _count;
    private int _lasting;
    private bool _warned;

    public ControlClients(int capacity)
    {
        Capacity = capacity;
        Reserve = Math.Max(2, capacity / 8);
    }

    /// <summary>
    /// A third of the descriptors still free, at most <see cref="MaxCapacity"/>: the rest is
    /// left to ProcMan (children's pipes, log files, the runtime's own, which grow after the
    /// socket is bound: 67 open then, 86 once one child runs, in the JIT build).
    /// </summary>
    public static ControlClients ForThisProcess() =>
        new((int)Math.Clamp((FileDescriptors.Free() ?? 3 * MaxCapacity) / 3, MinCapacity, MaxCapacity));

    public int Capacity { get; }

    /// <summary>The places only short requests may take.</summary>
    public int Reserve { get; }

    /// <summary>Raised (outside the lock) when a newcomer takes an idle client's place, once until the clients are fewer again.</summary>
    public event Action? Full;

    /// <summary>
    /// A place for a newly accepted client, made if need be by closing the oldest idle one;
    /// null when every place is held by a client being served.
    /// </summary>
    public Slot? TryAdmit()
    {
        Slot? evicted = null;
        Slot slot;
        bool warn;
        lock (_gate)
        {
            // Evicted clients hold their descriptor until they are closed: past the cap by the
            // reserve, their closing has fallen behind, and a newcomer has to wait its turn.
            if (_count >= Capacity && (_idle.First is null || _count >= Capacity + Reserve))
                return null;
            if (_count >= Capacity)
                evicted = TakeOldestIdle();
            warn = evicted is not null && !_warned;
            _warned |= warn;
            slot = new Slot(this);
            slot.Node = _idle.AddLast(slot);
            _count++;
        }
        // Outside the lock: cancelling runs the evicted client's callbacks.
        evicted?.Evict();
        if (warn)
            Full?.Invoke();
        return slot;
    }

    /// <summary>Closes the oldest idle client (to free a descriptor at EMFILE); false when there is none.</summary>
    public bool TryEvictOldestIdle()
    {
        Slot? evicted;
        lock (_gate)
            evicted = TakeOldestIdle();
        evicted?.Evict();
        return evicted is not null;
    }

    private Slot? TakeOldestIdle()
    {
        if (_idle.First is not { } oldest)
            return null;
        _idle.RemoveFirst();
        oldest.Value.Node = null;
        return oldest.Value;
    }

    /// <summary>A client's place, from its acceptance to its closing.</summary>
    public sealed class Slot(ControlClients clients) : IDisposable
    {
        // Not disposed: it has no timer to release, and an eviction may race with the closing.
        private readonly CancellationTokenSource _evicted = new();
        private bool _lasting;
        private bool _released;

        internal LinkedListNode<Slot>? Node { get; set; }

        /// <summary>Cancelled when a newcomer took this idle client's place.</summary>
        public CancellationToken Evicted => _evicted.Token;

        /// <summary>The request has come: the client is no longer idle. False when it was evicted first.</summary>
        public bool TryStartServing()
        {
            lock (clients._gate)
            {
                if (Node is null)
                    return false;
                clients._idle.Remove(Node);
                Node = null;
                return true;
            }
        }

        /// <summary>Takes a place for a long answer (a follower, a waiter); false when only the reserve is left.</summary>
        public bool TryStartLasting()
        {
            lock (clients._gate)
            {
                if (clients._lasting >= clients.Capacity - clients.Reserve)
                    return false;
                clients._lasting++;
                _lasting = true;
                return true;
            }
        }

        internal void Evict() => _evicted.Cancel();

        public void Dispose()
        {
            lock (clients._gate)
            {
                if (_released)
                    return;
                _released = true;
                if (Node is not null)
                    clients._idle.Remove(Node);
                Node = null;
                clients._count--;
                if (_lasting)
                    clients._lasting--;
                if (clients._count < clients.Capacity / 2)
                    clients._warned = false;
            }
        }
    }
}
