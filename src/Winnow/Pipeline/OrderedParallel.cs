namespace Winnow.Pipeline;

/// <summary>
/// Runs <c>work</c> on the items of a sequence with up to <c>threads</c> threads and hands the results
/// to <c>write</c> one at a time, in the sequence's order, so the output does not depend on the thread
/// count. There is no barrier: each thread takes the next item as soon as it is free, and whichever
/// thread finishes the oldest outstanding item writes it and every later result already done. At most
/// <c>window</c> items are taken but not yet written, which bounds memory when one item is slow.
/// With one thread everything runs on the calling thread, one item after the other. A caller that
/// still has work of its own before the items are known (listing its input) may start the other
/// threads first (<see cref="HelperThreads"/>) and hand them to the run.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>Runs <paramref name="work"/> on every item of <paramref name="source"/> and writes the results in order.</summary>
    /// <param name="source">The items, read under a lock, one at a time.</param>
    /// <param name="threads">Threads in all, the calling one included.</param>
    /// <param name="window">Items taken but not yet written, at most (at least <paramref name="threads"/>).</param>
    /// <param name="work">What each item becomes; runs on any of the threads.</param>
    /// <param name="write">Takes the results one at a time, in the order of their items.</param>
    /// <param name="helpers">Threads started early for this run (<paramref name="threads"/> − 1 of them), or null to start them here.</param>
    public static void Run<TIn, TOut>(IEnumerable<TIn> source, int threads, int window, Func<TIn, TOut> work, Action<TOut> write, HelperThreads? helpers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, threads);
        if (helpers is not null && helpers.Count != threads - 1)
        {
            throw new ArgumentException($"{helpers.Count} helper threads for a run of {threads} threads", nameof(helpers));
        }

        if (threads == 1)
        {
            foreach (var item in source)
            {
                write(work(item));
            }

            return;
        }

        using var items = source.GetEnumerator();
        new Schedule<TIn, TOut>(items, window, work, write).Run(helpers ?? new HelperThreads(threads - 1, prepare: null));
    }

    private sealed class Schedule<TIn, TOut>(IEnumerator<TIn> items, int window, Func<TIn, TOut> work, Action<TOut> write)
    {
        private readonly object _gate = new(); // Monitor: threads wait on it for room in the window
        private readonly TOut[] _results = new TOut[window];
        private readonly bool[] _done = new bool[window];
        private long _taken;
        private long _written;
        private bool _writing;
        private bool _exhausted;
        private Exception? _failure;

        public void Run(HelperThreads helpers)
        {
            helpers.Begin(Work);
            Work();
            helpers.Join();
            if (_failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
            }
        }

        private void Work()
        {
            try
            {
                while (Take(out var item, out var sequence))
                {
                    var result = work(item);
                    Finish(sequence, result);
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        // The sequence is read under the lock: an enumerator is not thread-safe, and reading a WARC
        // file's records stays in order.
        private bool Take(out TIn item, out long sequence)
        {
            lock (_gate)
            {
                while (_failure is null && !_exhausted && _taken - _written >= window)
                {
                    Monitor.Wait(_gate);
                }

                if (_failure is not null || _exhausted || !items.MoveNext())
                {
                    _exhausted = true;
                    item = default!;
                    sequence = -1;
                    return false;
                }

                item = items.Current;
                sequence = _taken++;
                return true;
            }
        }

        private void Finish(long sequence, TOut result)
        {
            lock (_gate)
            {
                var slot = (int)(sequence % window);
                _results[slot] = result;
                _done[slot] = true;
                if (_writing || sequence != _written)
                {
                    return;
                }

                _writing = true;
            }

            // This thread now writes, outside the lock, every result that is done in order, until
            // the next one is still being worked on; its owner writes it then. Results collected here
            // are no longer counted in the window, so at most twice the window is held.
            var ready = new List<TOut>();
            try
            {
                while (true)
                {
                    lock (_gate)
                    {
                        while (_failure is null && _done[(int)(_written % window)])
                        {
                            var slot = (int)(_written % window);
                            ready.Add(_results[slot]);
                            _results[slot] = default!;
                            _done[slot] = false;
                            _written++;
                        }

                        if (ready.Count == 0)
                        {
                            _writing = false;
                            return;
                        }

                        Monitor.PulseAll(_gate);
                    }

                    foreach (var r in ready)
                    {
                        write(r);
                    }

                    ready.Clear();
                }
            }
            catch
            {
                lock (_gate)
                {
                    _writing = false;
                }

                throw;
            }
        }
    }
}

/// <summary>
/// The helper threads of an <see cref="OrderedParallel"/> run, started before its items are known:
/// each first runs <c>prepare</c> (if any), then waits until the run hands it its work. Disposing
/// without a run lets them end.
/// </summary>
/// <remarks>
/// Why early: a run's first items cost several times a later one (tables built on first use, code
/// and memory touched for the first time), and starting a thread can hold up the thread that starts
/// it while the scheduler finds the new one a core. Started before the caller lists its input, the
/// helpers do both while the caller works.
/// </remarks>
internal sealed class HelperThreads : IDisposable
{
    private readonly object _gate = new();
    private readonly Thread[] _threads;
    private Action? _work;
    private bool _released;
    private Exception? _prepareFailure;

    public HelperThreads(int count, Action? prepare)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(() => Serve(prepare)) { IsBackground = true, Name = "winnow-ordered" };
            _threads[i].Start();
        }
    }

    /// <summary>How many threads.</summary>
    public int Count => _threads.Length;

    /// <summary>Hands every thread <paramref name="work"/>, run once on each.</summary>
    public void Begin(Action work)
    {
        lock (_gate)
        {
            if (_released)
            {
                throw new InvalidOperationException("helper threads already used or released");
            }

            _work = work;
            _released = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for every thread to end; then throws what <c>prepare</c> threw, if it failed (that thread did no work).</summary>
    public void Join()
    {
        JoinThreads();
        if (_prepareFailure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Lets threads that were given no work end, and waits for them.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _released = true;
            Monitor.PulseAll(_gate);
        }

        JoinThreads();
    }

    private void JoinThreads()
    {
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Serve(Action? prepare)
    {
        try
        {
            prepare?.Invoke();
        }
        catch (Exception e)
        {
            // The run goes on without this thread and fails when it is joined: a preparation that
            // throws is a fault of the program, not of the input.
            lock (_gate)
            {
                _prepareFailure ??= e;
                return;
            }
        }

        Action? work;
        lock (_gate)
        {
            while (!_released)
            {
                Monitor.Wait(_gate);
            }

            work = _work;
        }

        work?.Invoke();
    }
}
