namespace Winnow.Pipeline;

/// <summary>
/// Lets several batches of a map step go through the stage loop at once, each on one thread,
/// while every step that depends on the batches before it (counting, a corpus stage's observation
/// and decisions, writing) takes the batches in input order: batch n enters such a step, a
/// numbered turn, only after batch n - 1 has left it. Turns are taken in increasing number; a batch
/// that has nothing to do at a turn still passes it, so the next batch is not held.
/// </summary>
/// <remarks>
/// Why: with the batch's work split over the cores inside each step, every step ends in a wait for
/// its slowest chunk and starts by waking the other threads; a batch went through ten such steps,
/// and a core stood idle about a tenth of the first pass. A thread per batch has only these turns
/// to wait at, and they are short.
/// A batch that fails (<see cref="Fail"/>) stops only the batches after it, at their next turn:
/// the ones before it go on to the end, as they would have in a run of one batch at a time.
/// </remarks>
internal sealed class BatchTurns
{
    private readonly long[] _next;
    private readonly object _lock = new();
    private long _failedAt = long.MaxValue;

    public BatchTurns(int turns) => _next = new long[turns];

    /// <summary>The turns of batch <paramref name="sequence"/> (0 for the first batch of the step).</summary>
    public BatchTurn For(long sequence) => new(this, sequence);

    /// <summary>Batch <paramref name="sequence"/> failed: the batches after it stop at their next turn.</summary>
    public void Fail(long sequence)
    {
        lock (_lock)
        {
            _failedAt = Math.Min(_failedAt, sequence);
            Monitor.PulseAll(_lock);
        }
    }

    internal void Wait(int turn, long sequence)
    {
        lock (_lock)
        {
            while (_next[turn] != sequence)
            {
                if (sequence > _failedAt)
                {
                    throw new OperationCanceledException("an earlier batch failed");
                }

                Monitor.Wait(_lock);
            }
        }
    }

    internal void Pass(int turn)
    {
        lock (_lock)
        {
            _next[turn]++;
            Monitor.PulseAll(_lock);
        }
    }

    internal int Count => _next.Length;
}

/// <summary>
/// One batch's way through the turns of <see cref="BatchTurns"/>; <see cref="Alone"/> when batches go
/// one at a time (then every turn is free).
/// </summary>
internal sealed class BatchTurn
{
    private readonly BatchTurns? _turns;
    private readonly long _sequence;
    private int _passed = -1;

    internal BatchTurn(BatchTurns? turns, long sequence)
    {
        _turns = turns;
        _sequence = sequence;
    }

    /// <summary>Batches go one at a time: nothing to wait for.</summary>
    public static BatchTurn Alone { get; } = new(null, 0);

    /// <summary>Runs <paramref name="action"/> at turn <paramref name="turn"/>, after the batch before this one left it.</summary>
    public void InOrder(int turn, Action action)
    {
        if (_turns is null)
        {
            action();
            return;
        }

        if (turn <= _passed)
        {
            throw new InvalidOperationException($"turn {turn} taken after turn {_passed}");
        }

        SkipTo(turn);
        _turns.Wait(turn, _sequence);
        try
        {
            action();
        }
        catch
        {
            // The batches after this one stop at their next turn; the ones before it never wait for it.
            _turns.Fail(_sequence);
            throw;
        }

        _turns.Pass(turn);
        _passed = turn;
    }

    /// <summary>Passes every turn left, so that the next batch can take them.</summary>
    public void Finish()
    {
        if (_turns is not null)
        {
            SkipTo(_turns.Count);
        }
    }

    private void SkipTo(int turn)
    {
        for (var t = _passed + 1; t < turn; t++)
        {
            _turns!.Wait(t, _sequence);
            _turns.Pass(t);
            _passed = t;
        }
    }
}
