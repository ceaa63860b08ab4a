namespace Winnow.Pipeline;

/// <summary>
/// Runs <c>work</c> on the items of a sequence with up to <c>threads</c> threads and hands the results
/// to <c>write</c> one at a time, in the sequence's order, so the output does not depend on the thread
/// count. There is no barrier: each thread takes the next item as soon as it is free, and whichever
/// thread finishes the oldest outstanding item writes it and every later result already done. At most
/// <c>window</c> items are taken but not yet written, which bounds memory when one item is slow.
/// With one thread everything runs on the calling thread, one item after the other.
/// </summary>
internal static class OrderedParallel
{
    public static void Run<TIn, TOut>(IEnumerable<TIn> source, int threads, int window, Func<TIn, TOut> work, Action<TOut> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, threads);
        if (threads == 1)
        {
            foreach (var item in source)
            {
                write(work(item));
            }

            return;
        }

        using var items = source.GetEnumerator();
        new Schedule<TIn, TOut>(items, window, work, write).Run(threads);
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

        public void Run(int threads)
        {
            var helpers = new Thread[threads - 1];
            for (var i = 0; i < helpers.Length; i++)
            {
                helpers[i] = new Thread(Work) { IsBackground = true, Name = "winnow-ordered" };
                helpers[i].Start();
            }

            Work();
            foreach (var helper in helpers)
            {
                helper.Join();
            }

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
