namespace Winnow.Report;

/// <summary>
/// The first examples of each removal reason in input order, and the per-reason detail texts.
/// </summary>
/// <remarks>Memory: reasons (at most <see cref="MaxReasons"/>) × examples per reason. Not thread-safe.</remarks>
internal sealed class RemovedSampler
{
    public const int MaxReasons = 200;

    private readonly ReportOptions _options;

    public RemovedSampler(ReportOptions options) => _options = options;

    public SortedDictionary<string, List<ExampleDoc>> Examples { get; } = new(StringComparer.Ordinal);

    public void Add(ref DocFields doc) => Add(doc.Reason, doc.Line);

    /// <summary>Counts a removed document by its reason; its record is parsed again only if it becomes an example.</summary>
    public void Add(string? reason, ReadOnlySpan<byte> line)
    {
        reason ??= "unknown";
        if (!Examples.TryGetValue(reason, out var list))
        {
            if (Examples.Count >= MaxReasons)
            {
                return;
            }

            list = [];
            Examples[reason] = list;
        }

        if (list.Count < _options.ExamplesPerReason && DocFields.TryParse(line, out var doc))
        {
            list.Add(new ExampleDoc(doc.Id, doc.Url, doc.Title, doc.Stage, doc.KeptId, doc.Detail, doc.Text(_options.PreviewChars, out _), null));
        }
    }
}
