using System.CommandLine;
using Winnow.NearDedup;

namespace Winnow.Cli.Commands;

/// <summary>The MinHash-LSH options of `winnow dedup` and `winnow run --near-dedup`.</summary>
internal sealed class NearDedupCliOptions
{
    private static readonly MinHashOptions Defaults = new();

    public Option<int> NGram { get; } = new Option<int>("--ngram") { Description = "Words per shingle", DefaultValueFactory = _ => Defaults.NGram }.Between(1, 64);
    public Option<int> NumPerm { get; } = new Option<int>("--num-perm") { Description = "MinHash signature length (values per document)", DefaultValueFactory = _ => Defaults.NumPerm }.Between(1, 4096);
    public Option<double> Threshold { get; } = new Option<double>("--threshold") { Description = "Jaccard similarity at which documents are near duplicates", DefaultValueFactory = _ => Defaults.Threshold }.Between(0.0, 1.0);
    public Option<int> Bands { get; } = new Option<int>("--bands") { Description = "LSH bands (default: derived from --threshold)" }.AtLeast(1);
    public Option<int> Rows { get; } = new Option<int>("--rows") { Description = "LSH rows per band (with --bands)" }.AtLeast(1);
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the permutations and word hashes", DefaultValueFactory = _ => Defaults.Seed };
    public Option<string> Verify { get; } = new("--verify") { Description = "estimate: signatures' Jaccard ≥ threshold; exact: shingle sets' Jaccard; none: every band collision", DefaultValueFactory = _ => "exact" };
    public Option<string> Keep { get; } = new("--keep") { Description = "Which cluster member stays: first, longest, earliest-date", DefaultValueFactory = _ => "first" };
    public Option<string> DateField { get; } = new("--date-field") { Description = "Metadata field read by --keep earliest-date", DefaultValueFactory = _ => Defaults.DateField };
    public Option<int> SortMemoryMb { get; } = new Option<int>("--sort-memory-mb") { Description = "Memory for band records before a sorted run spills to disk", DefaultValueFactory = _ => (int)(Defaults.SortMemoryBytes >> 20) }.Between(1, 1 << 20);

    public Option<int> SignatureMemoryMb { get; } = new Option<int>("--signature-memory-mb")
    {
        Description = "Signatures are also kept in memory while they take at most this (0: always read back from disk)",
        DefaultValueFactory = _ => (int)(Defaults.SignatureMemoryBytes >> 20),
    }.Between(0, 1 << 20);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { NGram, NumPerm, Threshold, Bands, Rows, Seed, Verify, Keep, DateField, SortMemoryMb, SignatureMemoryMb })
        {
            command.Options.Add(option);
        }

        Verify.AcceptOnlyFromAmong("estimate", "exact", "none");
        Keep.AcceptOnlyFromAmong("first", "longest", "earliest-date");
    }

    /// <summary>True when the options make a valid stage; otherwise prints why.</summary>
    public static bool Check(MinHashOptions options)
    {
        try
        {
            _ = new NearDedupStage(options);
            return true;
        }
        catch (ArgumentOutOfRangeException e)
        {
            System.Console.Error.WriteLine($"winnow: {e.Message}");
            return false;
        }
    }

    public MinHashOptions ToOptions(ParseResult result) => new()
    {
        NGram = result.GetValue(NGram),
        NumPerm = result.GetValue(NumPerm),
        Threshold = result.GetValue(Threshold),
        Bands = result.GetValue(Bands),
        Rows = result.GetValue(Rows),
        Seed = result.GetValue(Seed),
        Verify = result.GetValue(Verify) switch { "estimate" => VerifyMode.Estimate, "none" => VerifyMode.None, _ => VerifyMode.Exact },
        Keep = result.GetValue(Keep) switch { "longest" => KeepPolicy.Longest, "earliest-date" => KeepPolicy.EarliestDate, _ => KeepPolicy.FirstSeen },
        DateField = result.GetValue(DateField)!,
        SortMemoryBytes = (long)result.GetValue(SortMemoryMb) << 20,
        SignatureMemoryBytes = (long)result.GetValue(SignatureMemoryMb) << 20,
    };

    /// <summary>The near-dedup line of a run's summary, from its stage details (any run: one process or sharded).</summary>
    public static void PrintSummary(Stats.RunStats stats)
    {
        foreach (var stage in stats.Stages)
        {
            if (stage.Name == "near_dedup" && stage.Details is { } details)
            {
                Print(NearDedupSummary.FromJson(System.Text.Json.JsonDocument.Parse(details.ToJsonString()).RootElement));
            }
        }
    }

    /// <summary>The same, from a finished run's stats.json (a Slurm run, finished by its tasks).</summary>
    public static void PrintSummary(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, Pipeline.RunFiles.Stats);
        if (!File.Exists(path))
        {
            return;
        }

        using var stats = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var stage in stats.RootElement.GetProperty("stages").EnumerateArray())
        {
            if (stage.GetProperty("name").GetString() == "near_dedup" && stage.TryGetProperty("details", out var details))
            {
                Print(NearDedupSummary.FromJson(details));
            }
        }
    }

    private static void Print(NearDedupSummary summary)
    {
        {
            var s = summary;
            System.Console.Out.WriteLine(
                $"near dedup: {s.Clusters:N0} clusters, {s.Removed:N0} removed  (b={s.Lsh.Bands} r={s.Lsh.Rows}, " +
                $"{s.CandidatePairs:N0} candidate pairs, {s.VerifiedPairs:N0} verified, {s.SpilledRuns} sorted runs spilled)");
        }
    }
}
