namespace Winnow.Evaluation;

/// <summary>Hits and totals per metadata field, from <see cref="MetadataScore"/>.</summary>
internal sealed class MetadataTally
{
    public Count Title { get; } = new();

    public Count Byline { get; } = new();

    public Count Date { get; } = new();

    public Count Language { get; } = new();

    public override string ToString() => $"title {Title}, byline {Byline}, date {Date}, language {Language}";

    /// <summary>Hits out of a total.</summary>
    internal sealed class Count
    {
        public int Total { get; set; }

        public int Hits { get; set; }

        public double Ratio => Total == 0 ? 0 : (double)Hits / Total;

        public override string ToString() => $"{Hits}/{Total} = {Ratio:P1}";
    }
}
