namespace Winnow.Boilerplate;

/// <summary>One flagged paragraph as reported in boilerplate.jsonl, filled during the second pass.</summary>
internal sealed class BoilerplateEntry(ulong hash, string text, bool isLine)
{
    public ulong Hash { get; } = hash;

    /// <summary>The paragraph as it first appeared, in input order.</summary>
    public string Text { get; } = text;

    public bool IsLine { get; } = isLine;

    /// <summary>Documents per group that has it flagged (from the exact count).</summary>
    public SortedDictionary<string, long> Groups { get; } = new(StringComparer.Ordinal);

    public List<string> Examples { get; } = [];

    public long Documents => Groups.Values.Sum();
}
