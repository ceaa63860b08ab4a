using Winnow.Pipeline;
using Winnow.Text;
using Winnow.Writers;

namespace Winnow.Reuse;

/// <summary>Aligns candidate pairs chunk by chunk in parallel and writes reuse.jsonl in pair order.</summary>
internal static class PairAlignment
{
    private const int ChunkPairs = 4096;

    public static void AlignAll(string? pairsPath, TextStore texts, ReuseOptions options, string outputPath, ParallelOptions parallel, ReuseCounts counts)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var lines = new JsonLineWriter(output, DocumentJson.WriterOptions);
        if (pairsPath is null || !File.Exists(pairsPath))
        {
            return;
        }

        using var reader = new BinaryReader(new FileStream(pairsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        var total = reader.BaseStream.Length / 16;
        var chunk = new PairRecord[ChunkPairs];
        var results = new PairResult[ChunkPairs];
        for (long done = 0; done < total;)
        {
            var n = (int)Math.Min(ChunkPairs, total - done);
            for (var i = 0; i < n; i++)
            {
                chunk[i] = new PairRecord(reader.ReadInt64(), reader.ReadInt64());
            }

            ParallelChunks.For(n, parallel, (_, from, to) =>
            {
                var aligner = new PassageAligner(options);
                var (wordsA, wordsB) = (new List<WordToken>(), new List<WordToken>());
                for (var i = from; i < to; i++)
                {
                    results[i] = AlignPair(chunk[i], texts, aligner, wordsA, wordsB);
                }
            });

            for (var i = 0; i < n; i++)
            {
                Write(lines, results[i], counts);
                results[i] = default;
            }

            done += n;
        }
    }

    private static PairResult AlignPair(PairRecord pair, TextStore texts, PassageAligner aligner, List<WordToken> wordsA, List<WordToken> wordsB)
    {
        if (!texts.TryRead(pair.A, out var idA, out var textA) || !texts.TryRead(pair.B, out var idB, out var textB))
        {
            return default;
        }

        wordsA.Clear();
        wordsB.Clear();
        WordTokenizer.Tokenize(textA, wordsA);
        WordTokenizer.Tokenize(textB, wordsB);
        var passages = new List<ReusePassage>();
        aligner.Align(textA, wordsA, textB, wordsB, passages);
        passages.Sort((x, y) => x.AStart != y.AStart ? x.AStart.CompareTo(y.AStart) : x.BStart.CompareTo(y.BStart));
        return new PairResult(idA, idB, passages);
    }

    private static void Write(JsonLineWriter lines, PairResult result, ReuseCounts counts)
    {
        if (result.Passages is null)
        {
            return;
        }

        var json = lines.Json;
        foreach (var p in result.Passages)
        {
            json.WriteStartObject();
            json.WriteString("a", result.IdA);
            json.WriteString("b", result.IdB);
            json.WriteNumber("a_start", p.AStart);
            json.WriteNumber("a_end", p.AEnd);
            json.WriteNumber("b_start", p.BStart);
            json.WriteNumber("b_end", p.BEnd);
            json.WriteNumber("a_words", p.AWords);
            json.WriteNumber("b_words", p.BWords);
            json.WriteNumber("matched_words", p.MatchedWords);
            json.WriteNumber("similarity", Math.Round(p.Similarity, 4));
            json.WriteEndObject();
            lines.EndLine();
            counts.Passages++;
        }
    }

    private readonly record struct PairResult(string IdA, string IdB, List<ReusePassage>? Passages);
}
