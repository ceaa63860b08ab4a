using System.Diagnostics;

namespace Winnow.Synth;

/// <summary>
/// Generates a news-like corpus with known duplicates, near-duplicates, boilerplate and reused passages, plus the
/// ground truth to score against (formats in docs/synth.md). Thread-safe: each call is independent.
/// </summary>
public static class SyntheticCorpus
{
    private const int ChunkDocs = 256;
    private const int ChunksPerBatch = 16;

    /// <summary>
    /// Writes <paramref name="options"/>.Docs documents to <paramref name="outputPath"/> (JSON lines; gzip when the
    /// path ends in ".gz") and the truth files beside it. Documents are generated in parallel but written in
    /// index order, so the bytes depend only on the options, never on the thread count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SynthSummary Generate(SynthOptions options, string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var paths = SynthPaths.For(outputPath);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        int workers = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var factories = new DocFactory[workers];
        for (int w = 0; w < workers; w++)
        {
            factories[w] = new DocFactory(options);
        }

        // Two sets of chunk buffers: one is filled while the other is being written.
        var sets = new ChunkOutput[2][];
        for (int s = 0; s < sets.Length; s++)
        {
            sets[s] = new ChunkOutput[ChunksPerBatch];
            for (int c = 0; c < ChunksPerBatch; c++)
            {
                sets[s][c] = new ChunkOutput();
            }
        }

        long[] boilerplate = new long[SynthCatalog.Instance.Paragraphs.Length];
        long passages = 0, chars = 0;
        long[] kinds = new long[5];
        using (var docs = paths.Open(paths.Docs))
        using (var truth = paths.Open(paths.Truth))
        using (var passageFile = paths.Open(paths.Passages))
        {
            var pending = Task.CompletedTask;
            long batchDocs = (long)ChunkDocs * ChunksPerBatch;
            for (long first = 0, batch = 0; first < options.Docs; first += batchDocs, batch++)
            {
                var set = sets[batch % 2];
                Fill(factories, set, first, Math.Min(options.Docs, first + batchDocs));
                pending.GetAwaiter().GetResult();
                pending = Task.Run(() =>
                {
                    foreach (var chunk in set)
                    {
                        docs.Write(chunk.Docs.Written.Span);
                        truth.Write(chunk.Truth.Written.Span);
                        passageFile.Write(chunk.Passages.Written.Span);
                        for (int k = 0; k < kinds.Length; k++)
                        {
                            kinds[k] += chunk.Kinds[k];
                        }

                        for (int b = 0; b < boilerplate.Length; b++)
                        {
                            boilerplate[b] += chunk.Boilerplate[b];
                        }

                        passages += chunk.PassageCount;
                        chars += chunk.TextChars;
                    }
                });
            }

            pending.GetAwaiter().GetResult();
        }

        using (var file = paths.Open(paths.Boilerplate))
        {
            BoilerplateJson.Write(file, boilerplate);
        }

        return new SynthSummary
        {
            Docs = options.Docs,
            Originals = kinds[(int)DocKind.Original],
            Syndicated = kinds[(int)DocKind.Syndicated],
            ExactCopies = kinds[(int)DocKind.ExactCopy],
            NearCopies = kinds[(int)DocKind.NearCopy],
            FarVariants = kinds[(int)DocKind.FarVariant],
            Passages = passages,
            BoilerplateParagraphs = boilerplate.Count(n => n > 0),
            TextChars = chars,
            DocsBytes = new FileInfo(paths.Docs).Length,
            DocsPath = paths.Docs,
            TruthPath = paths.Truth,
            PassagesPath = paths.Passages,
            BoilerplatePath = paths.Boilerplate,
            Elapsed = clock.Elapsed,
        };
    }

    private static void Fill(DocFactory[] factories, ChunkOutput[] set, long first, long end)
    {
        int next = -1;
        Parallel.For(0, factories.Length, new ParallelOptions { MaxDegreeOfParallelism = factories.Length }, w =>
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) < set.Length)
            {
                var output = set[chunk];
                output.Clear();
                long start = first + ((long)chunk * ChunkDocs);
                for (long i = start; i < Math.Min(end, start + ChunkDocs); i++)
                {
                    factories[w].Generate(i, output);
                }
            }
        });
    }
}
