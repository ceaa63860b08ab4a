using Winnow.IO;
using Winnow.Readers;
using Winnow.Stats;
using Winnow.Text;

namespace Winnow.Pipeline;

/// <summary>
/// The text-only path: a run whose stages all read only ids and texts (<see cref="TextOnlyRun"/>:
/// exact and near dedup, <c>winnow dedup</c>) makes no documents while it decides; one that writes
/// documents writes them from a second read of its input (PipelineRunner.InputReplay.cs). Each record's id and text are read straight from its bytes (see
/// <c>RecordParser.TryReadText</c>) into a thread's buffer and handed to every stage in the
/// same parallel step; the stages then decide in input order, and the batch goes to them while the
/// next batch is read. Kept and removed are counted from each record's input size. So the input is
/// read once and nothing else is.
/// </summary>
/// <remarks>
/// The output (clusters.jsonl, rejected/, stats.json) is byte for byte the stage loop's (tested):
/// records the quick reader declines take the full parser, and every order-dependent step runs in
/// input order. Memory: per batch, plus the stages' own; sizes go to a file of 4 bytes a document.
/// </remarks>
internal sealed partial class PipelineRunner
{
    private const string SizesFile = "document-sizes.bin";
    private const string FatesFile = "record-fates.bin";

    /// <summary>The stages' text-only runs, when the whole run can take this path: else null.</summary>
    private TextOnlyRun[]? TextOnlyChain(CorpusStageRun?[] runs, IReadOnlyList<InputFile> inputs)
    {
        if (!_options.AllowSignaturesOnly || runs.Length == 0)
        {
            return null;
        }

        // Every stage text-only, and only the last may need the whole corpus (it resolves at the end).
        var chain = runs.Select(r => r?.TextOnly).ToArray();
        var stages = _pipeline.Stages;
        if (!chain.All(c => c is not null) || !stages.Take(stages.Count - 1).All(s => s is CorpusStage { NeedsWholeCorpus: false }))
        {
            return null;
        }

        // Documents are written from a second read of the input (see PipelineRunner.WriteFromInput):
        // files on disk, which read again give the same records, and a last stage that resolves
        // (a run without one has no spill to save).
        if (_options.WriteDocuments && !(stages[^1] is CorpusStage { NeedsWholeCorpus: true } && inputs.All(ReadableAgain)))
        {
            return null;
        }

        return [.. chain.Select(c => c!)];
    }

    /// <summary>A JSONL file on disk, not standard input or a pipe.</summary>
    private static bool ReadableAgain(InputFile file) => file.Kind == InputKind.Jsonl && !file.ReadsLikeStandardInput && file.Length >= 0;

    private void RunTextOnly(
        CorpusStageRun lastRun, TextOnlyRun[] chain, IReadOnlyList<InputFile> inputs, InputReader reader, long totalBytes, StageTally[] tallies, RunOutput output)
    {
        var last = _pipeline.Stages.Count - 1;
        var resolves = ((CorpusStage)_pipeline.Stages[last]).NeedsWholeCorpus;
        var documents = _options.WriteDocuments;
        var parser = new RecordParser(_options.Reader);
        var workspaces = new Workspace?[_parallel.MaxDegreeOfParallelism * 4];
        // Per record, for after the resolve: its size (the counts), or its fate (the second read).
        var perRecordPath = Path.Combine(output.WorkDirectory, documents ? FatesFile : SizesFile);
        var rejected = new SerializedChunk();
        var added = new AddedMembers();

        // The second read must find the files as the first read did.
        var asSeen = documents ? inputs.Select(f => FileSystemNode.Stat(f.Path)).ToArray() : [];
        using (var perRecord = new BinaryWriter(new FileStream(perRecordPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            var taking = Task.CompletedTask;

            // Two sets of slots: one is handed to the stages while the next batch is read into the other.
            var sets = new (TextRecords Records, TextSlots[] Slots)?[2];
            var current = 0;
            var read = false;
            try
            {
                Consume(reader.ReadBatches(_cancellationToken), batch =>
                {
                    var count = batch.Records.Count;
                    var set = sets[current] is { } reused && reused.Records.Capacity >= count
                        ? reused
                        : (sets[current] = (new TextRecords(count), chain.Select(c => c.CreateSlots(count)).ToArray())).Value;
                    current ^= 1;
                    set.Records.Reset(count);
                    foreach (var slots in set.Slots)
                    {
                        slots.Reset(count);
                    }

                    Prepare(batch, parser, chain, workspaces, set.Records, set.Slots, documents);

                    // Rejections and decisions in input order now (the batch's bytes go with the
                    // rejections); the batch to the stages while the next one is read.
                    rejected.Clear();
                    for (var i = 0; i < count; i++)
                    {
                        if (set.Records.Rejections[i] is { } rejection)
                        {
                            _stats.CountIn(rejection.Bytes);
                            Reject(rejection);
                            _stats.CountRejected(rejection);
                            rejected.Add(rejection, batch.Bytes(batch.Records[i]));
                            continue;
                        }

                        var bytes = set.Records.InputBytes[i];
                        _stats.CountIn(bytes);
                        for (var s = 0; s < chain.Length; s++)
                        {
                            tallies[s].In = tallies[s].In.Add(bytes);
                            if (chain[s].Decide(set.Slots[s], i, set.Records.Ids[i]!) is { } removal)
                            {
                                _stats.CountRemoved(chain[s].Reason, bytes, set.Records.Tokens[i]);
                                tallies[s].Removed = tallies[s].Removed.Add(bytes);
                                set.Records.Removed[i] = true;
                                if (documents)
                                {
                                    // Written now, as the stage loop writes what a stage before the resolving one removes.
                                    AddRecord(rejected, added, parser, batch, i, set.Records.SpliceAt[i], removal);
                                }

                                break;
                            }
                        }

                        if (!set.Records.Removed[i] && !resolves)
                        {
                            _stats.CountKept(bytes);
                        }
                    }

                    if (documents)
                    {
                        WriteFates(perRecord, set.Records);
                    }

                    rejected.WriteTo(output.Kept, output.Removed, output.Rejected);
                    taking.GetAwaiter().GetResult();
                    taking = Task.Run(() => Take(chain, set.Records, set.Slots, resolves && !documents ? perRecord : null));
                    ReportProgress(batch.InputPosition, totalBytes, force: false);
                });
                read = true;
                taking.GetAwaiter().GetResult();
            }
            catch (Exception) when (!read)
            {
                // Never leave the stages' files to a task still writing them; the error that
                // stopped the reading is the one to report.
                try
                {
                    taking.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Superseded by the error being rethrown.
                }

                throw;
            }
        }

        if (resolves)
        {
            _phase = $"{_pipeline.Stages[last].Name}: resolving";
            ReportProgress(reader.Position, totalBytes, force: true);
            lastRun.Resolve();
            if (documents)
            {
                WriteFromInput(chain[last], parser, inputs, asSeen, perRecordPath, tallies[last], output, totalBytes);
            }
            else
            {
                CountFromRemovals(chain[last], perRecordPath, tallies[last]);
            }
        }
    }

    private void Prepare(RecordBatch batch, RecordParser parser, TextOnlyRun[] chain, Workspace?[] workspaces, TextRecords records, TextSlots[] slots, bool documents)
    {
        // Tokens are counted here, where the text is decoded anyway: a run that writes documents reports them.
        var tokens = documents && _stats.Tokenizer is { } tokenizer ? TokenCounter.For(tokenizer) : null;
        var raw = batch.Records;
        ParallelChunks.For(raw.Count, _parallel, (c, from, to) =>
        {
            var workspace = workspaces[c] ??= new Workspace(chain.Select(s => s.CreateWorkspace()).ToArray());
            var counts = tokens?.RentPieceCounts();
            try
            {
                PrepareRange(from, to, workspace, counts);
            }
            finally
            {
                tokens?.ReturnPieceCounts(counts);
            }
        });

        void PrepareRange(int from, int to, Workspace workspace, PieceCountCache? counts)
        {
            for (var i = from; i < to; i++)
            {
                var record = raw[i];
                records.Ordinals[i] = record.Ordinal;
                ReadOnlySpan<char> text;
                bool nfc;
                TextPlace place;
                if (parser.TryReadText(record, batch.Bytes(record), ref workspace.Text, out var length, out var id, out nfc, out place, documents, out var spliceAt))
                {
                    records.SpliceAt[i] = spliceAt;
                    records.Ids[i] = id;
                    records.TextLengths[i] = length;
                    records.InputBytes[i] = record.Length;
                    text = workspace.Text.AsSpan(0, length);
                }
                else
                {
                    var (document, rejection) = parser.Parse(record, batch.Memory(record));
                    if (document is null)
                    {
                        records.Rejections[i] = rejection;
                        continue;
                    }

                    records.SpliceAt[i] = -1;
                    records.Ids[i] = document.Id;
                    records.TextLengths[i] = document.Text.Length;
                    records.InputBytes[i] = document.InputBytes;
                    text = document.Text;
                    nfc = false;
                    place = default;
                }

                records.Tokens[i] = tokens?.Count(text, counts) ?? 0;

                // Checked once here rather than by each stage (the reader knows it only of ASCII text).
                nfc = nfc || (chain.Length > 1 && NfcQuickCheck.IsNfc(text));
                for (var s = 0; s < chain.Length; s++)
                {
                    chain[s].Prepare(slots[s], workspace.Stages[s], i, text, nfc, place);
                }
            }
        }
    }

    private static void Take(TextOnlyRun[] chain, TextRecords records, TextSlots[] slots, BinaryWriter? sizes)
    {
        for (var s = 0; s < chain.Length; s++)
        {
            chain[s].Take(slots[s], records);
        }

        if (sizes is null)
        {
            return;
        }

        // The last stage takes every record no stage removed: the sizes file follows its order.
        for (var i = 0; i < records.Count; i++)
        {
            if (records.Rejections[i] is null && !records.Removed[i])
            {
                sizes.Write(checked((int)records.InputBytes[i]));
            }
        }
    }

    /// <summary>Every record the last stage took is kept but those it removes: counted from the sizes file, in take order.</summary>
    private void CountFromRemovals(TextOnlyRun run, string sizesPath, StageTally tally)
    {
        using var sizes = new BinaryReader(new FileStream(sizesPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        var count = sizes.BaseStream.Length / sizeof(int);
        using var removed = run.RemovedIndexes.GetEnumerator();
        var next = removed.MoveNext() ? removed.Current : uint.MaxValue;
        for (var index = 0L; index < count; index++)
        {
            var bytes = sizes.ReadInt32();
            if (index == next)
            {
                _stats.CountRemoved(run.Reason, bytes);
                tally.Removed = tally.Removed.Add(bytes);
                next = removed.MoveNext() ? removed.Current : uint.MaxValue;
            }
            else
            {
                _stats.CountKept(bytes);
            }
        }
    }

    /// <summary>One thread's buffers: the decoded text and each stage's scratch.</summary>
    private sealed class Workspace(object?[] stages)
    {
        public object?[] Stages { get; } = stages;

#pragma warning disable SA1401, CA1051 // grown in place by the reader
        public char[] Text = new char[1 << 14];
#pragma warning restore SA1401, CA1051
    }
}
