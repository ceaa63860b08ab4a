using Winnow.Documents;
using Winnow.NearDedup;
using Winnow.Readers;
using Winnow.Stats;

namespace Winnow.Pipeline;

/// <summary>
/// Near dedup alone, without documents output (<c>winnow dedup --no-exact --clusters-only</c>):
/// the question is only which documents cluster, so no document is made. Each record is read
/// and signed in one parallel step (its text decoded into a thread's buffer, see
/// <see cref="RecordParser.TryReadText"/>), the signatures are handed to the stage while the next
/// batch is signed, and kept and removed are counted from the clusters and each document's input
/// size, so the input is read once and nothing else is.
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

    /// <summary>The near-dedup stage when the pipeline is that stage alone and no documents are written.</summary>
    private NearDedupStage? SignaturesOnly() =>
        !_options.WriteDocuments && _options.AllowSignaturesOnly && _pipeline.Stages is [NearDedupStage { RanksWithoutMetadata: true } near]
            ? near
            : null;

    private void RunSignaturesOnly(NearDedupStage near, InputReader reader, long totalBytes, StageContext context, StageTally tally, RunOutput output)
    {
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
            try
            {
                Consume(reader.ReadBatches(_cancellationToken), batch =>
                {
                    var signed = slots[current] is { } reused && reused.Capacity >= batch.Records.Count
                        ? reused.Reset(batch.Records.Count)
                        : slots[current] = new SignedRecords(near.CreateBatch(batch.Records.Count), batch.Records.Count);
                    current ^= 1;
                    SignBatch(batch, parser, signer, workspaces, signed);

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
                            _stats.CountIn(signed.InputBytes[i]);
                            tally.In = tally.In.Add(signed.InputBytes[i]);
                        }
                    }

                    rejected.WriteTo(output.Kept, output.Removed, output.Rejected);
                    observing.GetAwaiter().GetResult();
                    observing = Task.Run(() => Observe(near, signed, sizes, context));
                    ReportProgress(batch.InputPosition, totalBytes, force: false);
                });
            }
            finally
            {
                // Never leave the stage's files to a task still writing them.
                observing.Wait(CancellationToken.None);
            }
        }

        _phase = $"{near.Name}: resolving";
        ReportProgress(reader.Position, totalBytes, force: true);
        near.Resolve(context);
        CountFromClusters(near, sizesPath, tally);
    }

    private void SignBatch(RecordBatch batch, RecordParser parser, BatchSigner signer, SigningWorkspace?[] workspaces, SignedRecords signed)
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
                    signer.SignOne(workspace.Signing, workspace.Text.AsSpan(0, length), signed.Batch, i, (uint)i, nfc);
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
                    signer.SignOne(workspace.Signing, document.Text, signed.Batch, i, (uint)i);
                }
            }
        });
    }

    private static void Observe(NearDedupStage near, SignedRecords signed, BinaryWriter sizes, StageContext context)
    {
        for (var i = 0; i < signed.Count; i++)
        {
            if (signed.Rejections[i] is null)
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

        /// <summary>Clears the slots that signing does not always overwrite, for <paramref name="count"/> records.</summary>
        public SignedRecords Reset(int count)
        {
            Count = count;
            Array.Clear(Batch.HasShingles, 0, count);
            Array.Clear(Rejections, 0, count);
            Array.Clear(Ids, 0, count);
            if (Batch.Shingles.Length > 0)
            {
                Array.Clear(Batch.Shingles, 0, count);
            }

            return this;
        }
    }
}
