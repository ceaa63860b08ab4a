using Winnow.Dedup;
using Winnow.Documents;
using Winnow.NearDedup;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Text;

namespace Winnow.Pipeline;

/// <summary>
/// Near dedup, alone or after exact dedup, without documents output (<c>winnow dedup
/// --clusters-only</c>): the question is only which documents are duplicates, so no document is
/// made. Each record is read and signed in one parallel step (its text decoded into a thread's
/// buffer, see <see cref="RecordParser.TryReadText"/>, and hashed for exact dedup, which then
/// decides in input order); the signatures are handed to the stage while the next batch is signed;
/// kept and removed are counted from the clusters and each document's input size. So the input is
/// read once and nothing else is.
/// </summary>
/// <remarks>
/// The output (clusters.jsonl, rejected/, stats.json) is byte for byte the general path's
/// (tested): records the quick reader declines take the full parser, and every order-dependent
/// step runs in input order. Memory: per batch, plus the stage's own (docs/neardup.md); sizes go
/// to a spill file of 4 bytes per document.
/// </remarks>
internal sealed partial class PipelineRunner
{
    private const string SizesFile = "document-sizes.bin";

    /// <summary>The stages when the pipeline is near dedup, alone or after exact dedup, and no documents are written.</summary>
    private (ExactDedupStage? Exact, NearDedupStage Near)? SignaturesOnly()
    {
        if (_options.WriteDocuments || !_options.AllowSignaturesOnly)
        {
            return null;
        }

        return _pipeline.Stages switch
        {
            [NearDedupStage { RanksWithoutMetadata: true } near] => (null, near),
            [ExactDedupStage exact, NearDedupStage { RanksWithoutMetadata: true } near] => (exact, near),
            _ => null,
        };
    }

    private void RunSignaturesOnly(
        ExactDedupStage? exact, NearDedupStage near, InputReader reader, long totalBytes, StageContext context, StageTally[] tallies, RunOutput output)
    {
        var tally = tallies[^1];
        var parser = new RecordParser(_options.Reader);
        var signer = near.CreateSigner();
        var workspaces = new SigningWorkspace?[_parallel.MaxDegreeOfParallelism * 4];
        var sizesPath = Path.Combine(output.WorkDirectory, SizesFile);
        var rejected = new SerializedChunk();
        using (var sizes = new BinaryWriter(new FileStream(sizesPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            var observing = Task.CompletedTask;
            // Two sets of slots: one is handed to the stage while the next batch is signed into the other.
            var slots = new SignedRecords?[2];
            var current = 0;
            var read = false;
            try
            {
                Consume(reader.ReadBatches(_cancellationToken), batch =>
                {
                    var signed = slots[current] is { } reused && reused.Capacity >= batch.Records.Count
                        ? reused.Reset(batch.Records.Count)
                        : slots[current] = new SignedRecords(near.CreateBatch(batch.Records.Count), batch.Records.Count);
                    current ^= 1;
                    SignBatch(batch, parser, signer, workspaces, signed, exact?.Normalization);

                    // Rejections in input order now (the batch's bytes go with it); the signatures
                    // to the stage while the next batch is signed, one batch at a time.
                    rejected.Clear();
                    for (var i = 0; i < signed.Count; i++)
                    {
                        if (signed.Rejections[i] is { } rejection)
                        {
                            _stats.CountIn(rejection.Bytes);
                            Reject(rejection);
                            _stats.CountRejected(rejection);
                            rejected.Add(rejection, batch.Bytes(batch.Records[i]));
                        }
                        else
                        {
                            var bytes = signed.InputBytes[i];
                            _stats.CountIn(bytes);
                            if (exact is not null)
                            {
                                // The first seen wins, so this runs in input order, here.
                                tallies[0].In = tallies[0].In.Add(bytes);
                                if (exact.EarlierWithText(signed.ExactHashes[i], signed.Ids[i]!) is not null)
                                {
                                    _stats.CountRemoved(ExactDedupStage.Reason, bytes);
                                    tallies[0].Removed = tallies[0].Removed.Add(bytes);
                                    signed.Duplicates[i] = true;
                                    continue;
                                }
                            }

                            tally.In = tally.In.Add(bytes);
                        }
                    }

                    rejected.WriteTo(output.Kept, output.Removed, output.Rejected);
                    observing.GetAwaiter().GetResult();
                    observing = Task.Run(() => Observe(near, signed, sizes, context));
                    ReportProgress(batch.InputPosition, totalBytes, force: false);
                });
                read = true;
                observing.GetAwaiter().GetResult();
            }
            catch (Exception) when (!read)
            {
                // Never leave the stage's files to a task still writing them; the error that
                // stopped the reading is the one to report.
                try
                {
                    observing.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Superseded by the error being rethrown.
                }

                throw;
            }
        }

        _phase = $"{near.Name}: resolving";
        ReportProgress(reader.Position, totalBytes, force: true);
        near.Resolve(context);
        CountFromClusters(near, sizesPath, tally);
    }

    private void SignBatch(
        RecordBatch batch, RecordParser parser, BatchSigner signer, SigningWorkspace?[] workspaces, SignedRecords signed, NormalizationOptions? exact)
    {
        var records = batch.Records;
        ParallelChunks.For(records.Count, _parallel, (c, from, to) =>
        {
            var workspace = workspaces[c] ??= new SigningWorkspace(signer.CreateWorkspace());
            for (var i = from; i < to; i++)
            {
                var record = records[i];
                signed.Ordinals[i] = record.Ordinal;
                if (parser.TryReadText(record, batch.Bytes(record), ref workspace.Text, out var length, out var id, out var nfc))
                {
                    signed.Ids[i] = id;
                    signed.TextLengths[i] = length;
                    signed.InputBytes[i] = record.Length;
                    var text = workspace.Text.AsSpan(0, length);
                    signer.SignOne(workspace.Signing, text, signed.Batch, i, nfc);
                    if (exact is { } normalization)
                    {
                        signed.ExactHashes[i] = ExactDedupStage.Hash(text, normalization, nfc);
                    }
                }
                else
                {
                    var (document, rejection) = parser.Parse(record, batch.Memory(record));
                    if (document is null)
                    {
                        signed.Rejections[i] = rejection;
                        continue;
                    }

                    signed.Ids[i] = document.Id;
                    signed.TextLengths[i] = document.Text.Length;
                    signed.InputBytes[i] = document.InputBytes;
                    signer.SignOne(workspace.Signing, document.Text, signed.Batch, i);
                    if (exact is { } normalization)
                    {
                        signed.ExactHashes[i] = ExactDedupStage.Hash(document.Text, normalization);
                    }
                }
            }
        });
    }

    private static void Observe(NearDedupStage near, SignedRecords signed, BinaryWriter sizes, StageContext context)
    {
        for (var i = 0; i < signed.Count; i++)
        {
            if (signed.Rejections[i] is null && !signed.Duplicates[i])
            {
                near.Observe(signed.Batch, i, signed.Ordinals[i], signed.TextLengths[i], signed.Ids[i]!, context);
                sizes.Write(checked((int)signed.InputBytes[i]));
            }
        }
    }

    /// <summary>Every document is kept but the clusters' removed members: counted from the sizes file, in index order.</summary>
    private void CountFromClusters(NearDedupStage near, string sizesPath, StageTally tally)
    {
        using var sizes = new BinaryReader(new FileStream(sizesPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        var count = sizes.BaseStream.Length / sizeof(int);
        using var removed = near.RemovedIndexes.GetEnumerator();
        var next = removed.MoveNext() ? removed.Current : uint.MaxValue;
        for (var index = 0L; index < count; index++)
        {
            var bytes = sizes.ReadInt32();
            if (index == next)
            {
                _stats.CountRemoved(NearDedupStage.Reason, bytes);
                tally.Removed = tally.Removed.Add(bytes);
                next = removed.MoveNext() ? removed.Current : uint.MaxValue;
            }
            else
            {
                _stats.CountKept(bytes);
            }
        }
    }

    /// <summary>One thread's buffers: the decoded text and the signer's.</summary>
    private sealed class SigningWorkspace(BatchSigner.Workspace signing)
    {
        public BatchSigner.Workspace Signing { get; } = signing;

#pragma warning disable SA1401, CA1051 // grown in place by the reader
        public char[] Text = new char[1 << 14];
#pragma warning restore SA1401, CA1051
    }

    /// <summary>A batch's records signed: by record index, a signature slot or a rejection. Reused from batch to batch.</summary>
    private sealed class SignedRecords(SignedBatch batch, int count)
    {
        public SignedBatch Batch { get; } = batch;

        public int Capacity { get; } = count;

        public int Count { get; private set; } = count;

        public Rejection?[] Rejections { get; } = new Rejection?[count];

        public string?[] Ids { get; } = new string?[count];

        public int[] TextLengths { get; } = new int[count];

        public long[] InputBytes { get; } = new long[count];

        public long[] Ordinals { get; } = new long[count];

        /// <summary>Exact dedup's hash of each text (when it runs).</summary>
        public UInt128[] ExactHashes { get; } = new UInt128[count];

        /// <summary>Records exact dedup removed: the near stage never sees them.</summary>
        public bool[] Duplicates { get; } = new bool[count];

        /// <summary>Clears the slots that signing does not always overwrite, for <paramref name="count"/> records.</summary>
        public SignedRecords Reset(int count)
        {
            Count = count;
            Array.Clear(Batch.HasShingles, 0, count);
            Array.Clear(Rejections, 0, count);
            Array.Clear(Ids, 0, count);
            Array.Clear(Duplicates, 0, count);
            if (Batch.Shingles.Length > 0)
            {
                Array.Clear(Batch.Shingles, 0, count);
            }

            return this;
        }
    }
}
