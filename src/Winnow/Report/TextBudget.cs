namespace Winnow.Report;

/// <summary>
/// Enforces <see cref="ReportOptions.TextBudgetChars"/>: texts are kept for clusters in list order,
/// then reuse passages, until the budget is spent; later ones are dropped (the page says so).
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class TextBudget
{
    private readonly long _budget;
    private long _spent;

    public TextBudget(ReportOptions options) => _budget = options.TextBudgetChars;

    public void Apply(ReportCollector report)
    {
        var dropped = 0L;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in report.Clusters)
        {
            foreach (var member in cluster.Members)
            {
                if (report.Docs.TryGetValue(member.Id, out var info) && info.Text is { } text && counted.Add(member.Id) && !Take(text.Length))
                {
                    info.Text = null;
                    dropped++;
                }
            }
        }

        foreach (var entry in report.Reuse)
        {
            if (!Take((entry.AText?.Length ?? 0) + (entry.BText?.Length ?? 0)))
            {
                entry.AText = null;
                entry.BText = null;
                dropped++;
            }
        }

        if (dropped > 0)
        {
            report.Notes.Add($"text budget of {_budget:N0} characters reached: {dropped:N0} texts or passages are not embedded");
        }
    }

    private bool Take(long chars)
    {
        if (_spent + chars > _budget)
        {
            return false;
        }

        _spent += chars;
        return true;
    }
}
