namespace Winnow.Report;

/// <summary>
/// Keeps the best <c>k</c> items by a comparison, ties by arrival order: buffers up to 2k, then
/// sorts and trims, so memory stays O(k) and the result does not depend on buffer timing.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class TopK<T>
{
    private readonly int _k;
    private readonly Comparison<T> _better;
    private readonly List<(T Item, long Order)> _items = [];
    private long _arrivals;

    /// <param name="k">How many to keep.</param>
    /// <param name="better">Negative when the first item ranks before the second.</param>
    public TopK(int k, Comparison<T> better)
    {
        _k = Math.Max(0, k);
        _better = better;
    }

    /// <summary>Items offered so far.</summary>
    public long Offered => _arrivals;

    public void Add(T item)
    {
        _items.Add((item, _arrivals++));
        if (_items.Count >= 2 * _k + 16)
        {
            Trim();
        }
    }

    /// <summary>The kept items, best first.</summary>
    public List<T> Result()
    {
        Trim();
        return _items.ConvertAll(x => x.Item);
    }

    private void Trim()
    {
        _items.Sort((x, y) =>
        {
            var c = _better(x.Item, y.Item);
            return c != 0 ? c : x.Order.CompareTo(y.Order);
        });
        if (_items.Count > _k)
        {
            _items.RemoveRange(_k, _items.Count - _k);
        }
    }
}
