namespace Playground.Engines.Processes;

/// <summary>
/// Admits runs: at most <see cref="Concurrency"/> at once (default: the number of cores), one per session
/// key (a browser session). Runs past the limit wait in order and are told their place whenever it
/// changes; cancelling a waiting run takes it out of the line. A session that already has a run gets a
/// sentence, never a silent failure.
/// </summary>
public sealed class RunQueue(int concurrency = 0)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _line = [];
    private readonly HashSet<string> _sessions = new(StringComparer.Ordinal);
    private int _active;

    public int Concurrency { get; } = concurrency > 0 ? concurrency : Environment.ProcessorCount;

    /// <summary>Waits for a slot. <paramref name="place"/> gets 1, 2, ... while queued, 0 when admitted. Dispose the slot when the run ends.</summary>
    public async Task<IDisposable> EnterAsync(string sessionKey, Action<int>? place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        Waiter waiter;
        lock (_gate)
        {
            if (!_sessions.Add(sessionKey))
                throw new SessionBusyException("This session already has a run; stop it before starting another.");
            if (_active < Concurrency)
            {
                _active++;
                place?.Invoke(0);
                return new Slot(this, sessionKey);
            }
            waiter = new Waiter(sessionKey, place);
            waiter.Node = _line.AddLast(waiter);
            place?.Invoke(_line.Count);
        }

        using (cancellationToken.Register(() => Abandon(waiter)))
            await waiter.Admitted.Task;
        return new Slot(this, sessionKey);
    }

    /// <summary>Runs waiting for a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _line.Count;
        }
    }

    private void Abandon(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
                return;
            _line.Remove(waiter.Node);
            _sessions.Remove(waiter.SessionKey);
            TellPlaces();
        }
        waiter.Admitted.TrySetCanceled();
    }

    private void Leave(string sessionKey)
    {
        Waiter? next = null;
        lock (_gate)
        {
            _sessions.Remove(sessionKey);
            if (_line.First is { } first)
            {
                next = first.Value;
                _line.RemoveFirst();
                TellPlaces();
            }
            else
            {
                _active--;
            }
        }
        next?.Place?.Invoke(0);
        next?.Admitted.TrySetResult();
    }

    private void TellPlaces()
    {
        var n = 0;
        foreach (var w in _line)
            w.Place?.Invoke(++n);
    }

    private sealed class Waiter(string sessionKey, Action<int>? place)
    {
        public string SessionKey { get; } = sessionKey;
        public Action<int>? Place { get; } = place;
        public LinkedListNode<Waiter>? Node { get; set; }
        public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Slot(RunQueue queue, string sessionKey) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                queue.Leave(sessionKey);
        }
    }
}
