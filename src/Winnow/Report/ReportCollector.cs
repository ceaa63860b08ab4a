using System.Text.Json;
using Winnow.Documents;
using Winnow.Pipeline;
using Winnow.Writers;

namespace Winnow.Report;

/// <summary>
/// Reads a run folder in bounded memory: one streaming pass over the stage outputs and removed/,
/// then a second over removed/ and documents/ that collects the members of the largest duplicate
/// groups and the texts of the documents the page shows.
/// </summary>
/// <remarks>Memory grows with the bounds in <see cref="ReportOptions"/> and 16 bytes per distinct kept id of removed duplicates. Not thread-safe.</remarks>
internal sealed class ReportCollector
{
    private readonly string _run;
    private readonly ReportOptions _options;
    private readonly DuplicateGroups _groups;
    private readonly SizeHistogram _histogram = new();
    private readonly int _blockBytes;
    private readonly Dictionary<string, List<(ReuseEntry Entry, bool IsA)>> _slices = new(StringComparer.Ordinal);
    private long _textDocs;

    /// <param name="runDirectory">The run folder.</param>
    /// <param name="options">Bounds and threads.</param>
    /// <param name="blockBytes">Bytes of the blocks of lines parsed in parallel (smaller in tests, to have many).</param>
    public ReportCollector(string runDirectory, ReportOptions options, int blockBytes = JsonlBlocks.BlockBytes)
    {
        _blockBytes = blockBytes;
        _run = runDirectory;
        _options = options;
        _groups = new DuplicateGroups(options.MaxMembersPerCluster);
        Removed = new RemovedSampler(options);
        Attributes = new AttributeTally(options);
    }

    public string? StatsJson { get; private set; }

    public RemovedSampler Removed { get; }

    public AttributeTally Attributes { get; }

    public SortedDictionary<string, List<ExampleRejection>> Rejected { get; } = new(StringComparer.Ordinal);

    public List<ClusterEntry> Clusters { get; private set; } = [];

    public SizeHistogram Histogram => _histogram;

    public List<BoilerplateEntry> Boilerplate { get; private set; } = [];

    public List<ReuseEntry> Reuse { get; private set; } = [];

    public Dictionary<string, DocInfo> Docs { get; } = new(StringComparer.Ordinal);

    /// <summary>Section name → (shown, total) for sections cut by a bound.</summary>
    public SortedDictionary<string, (long Shown, long Total)> Counts { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    private static bool IsStatsObject(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("documents", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public void Collect()
    {
        var statsPath = Path.Combine(_run, RunFiles.Stats);
        StatsJson = File.Exists(statsPath) ? File.ReadAllText(statsPath) : null;
        if (StatsJson is not null && !IsStatsObject(StatsJson))
        {
            throw new InvalidDataException($"{statsPath} is damaged (not the JSON object a run writes); run the pipeline again with --overwrite");
        }

        var near = ReadClusters();
        ReadBoilerplate();
        ReadReuse();
        ReadRejected();
        var hasClustersFile = near is not null;

        // Exact duplicates have no clusters file: their groups are rebuilt from removed/, where each
        // removed copy names the document kept in its place. Near duplicates are counted from
        // clusters.jsonl when it exists, so they are not counted here a second time.
        var removed = PartFiles.Of(_run, RunFiles.Removed).Select(s => (s, true)).ToList();
        ForEachDocInOrder(removed, (ref DocFields d, bool _) => (d.Reason, d.KeptId), (fields, line, _) =>
        {
            var (reason, kept) = fields;
            Removed.Add(reason, line);
            if (kept is not null && !(hasClustersFile && reason == RemovalReasons.NearDuplicate))
            {
                _groups.Count1(kept, reason ?? "duplicate");
            }
        });

        foreach (var (kind, size) in _groups.Sizes())
        {
            _histogram.Add(kind, size);
        }

        // Which groups the page shows is known only once every group's size is: a second pass then
        // collects the members and texts of those few, so memory follows the page, not the corpus.
        _groups.Select(_options.MaxClusters);
        SecondPass(near ?? [], removed);
    }

    private List<ClusterEntry>? ReadClusters()
    {
        if (PartFiles.Optional(_run, RunFiles.Clusters) is not { } path)
        {
            return null;
        }

        var top = new TopK<ClusterEntry>(_options.MaxClusters, BySize);
        Bad(RunFiles.Clusters, StageOutputs.ForEach(path, e =>
        {
            if (StageOutputs.Cluster(e, _options.MaxMembersPerCluster) is { } c)
            {
                _histogram.Add(c.Kind, c.Size);
                top.Add(c);
            }
        }));
        var result = top.Result();
        Counts["clusters_near"] = (result.Count, top.Offered);
        return result;
    }

    private void ReadBoilerplate()
    {
        if (PartFiles.Optional(_run, RunFiles.Boilerplate) is not { } path)
        {
            return;
        }

        var top = new TopK<BoilerplateEntry>(_options.MaxBoilerplate, (x, y) => y.Docs.CompareTo(x.Docs));
        Bad(RunFiles.Boilerplate, StageOutputs.ForEach(path, e =>
        {
            if (StageOutputs.Boilerplate(e, _options.PreviewChars * 5) is { } b)
            {
                top.Add(b);
            }
        }));
        Boilerplate = top.Result();
        Counts["boilerplate"] = (Boilerplate.Count, top.Offered);
    }

    private void ReadReuse()
    {
        if (PartFiles.Optional(_run, RunFiles.Reuse) is not { } path)
        {
            return;
        }

        var top = new TopK<ReuseEntry>(_options.MaxReusePassages, (x, y) => y.MatchedWords.CompareTo(x.MatchedWords));
        Bad(RunFiles.Reuse, StageOutputs.ForEach(path, e =>
        {
            if (StageOutputs.Reuse(e) is { } r)
            {
                top.Add(r);
            }
        }));
        Reuse = top.Result();
        Counts["reuse"] = (Reuse.Count, top.Offered);
        foreach (var r in Reuse)
        {
            Doc(r.A);
            Doc(r.B);
            Slices(r.A).Add((r, true));
            Slices(r.B).Add((r, false));
        }
    }

    private void ReadRejected()
    {
        foreach (var shard in PartFiles.Of(_run, RunFiles.Rejected))
        {
            Bad(Path.GetFileName(shard), StageOutputs.ForEach(shard, e =>
            {
                var reason = StageOutputs.Str(e, "reason") ?? "unknown";
                if (!Rejected.TryGetValue(reason, out var list))
                {
                    list = [];
                    Rejected[reason] = list;
                }

                if (list.Count < _options.ExamplesPerReason)
                {
                    var source = e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                    var preview = StageOutputs.Str(e, "preview");
                    list.Add(new ExampleRejection(
                        source.ValueKind == JsonValueKind.Object ? StageOutputs.Str(source, "file") : null,
                        source.ValueKind == JsonValueKind.Object ? (long)StageOutputs.Num(source, "line", 0) : 0,
                        StageOutputs.Str(e, "message"),
                        (long)StageOutputs.Num(e, "bytes", 0),
                        preview?[..DocFields.Cut(preview, _options.PreviewChars)]));
                }
            }));
        }
    }

    private void SecondPass(List<ClusterEntry> near, List<(string Shard, bool Removed)> removed)
    {
        ForEachDocInOrder(removed, (ref DocFields d, bool _) => (d.Id, d.KeptId), (fields, _, _) =>
        {
            if (fields.KeptId is { } kept && _groups.TryAddMember(kept, fields.Id, out _))
            {
                Doc(kept);
                Doc(fields.Id);
            }
        });

        var all = near.Concat(_groups.Selected()).ToList();
        all.Sort(BySize);
        if (all.Count > _options.MaxClusters)
        {
            all.RemoveRange(_options.MaxClusters, all.Count - _options.MaxClusters);
        }

        Clusters = all;
        Counts["clusters"] = (all.Count, _histogram.Total);
        foreach (var cluster in all)
        {
            foreach (var (member, i) in cluster.Members.Select((m, i) => (m, i)))
            {
                var info = Doc(member.Id);
                if (i < _options.TextsPerCluster && _textDocs < _options.MaxTextDocuments && !info.WantText)
                {
                    info.WantText = true;
                    _textDocs++;
                }
            }
        }

        // The texts are read last, when the budget of documents with text is spent: a member is
        // given its text by the first cluster (largest first) that shows it.
        ReadLast([.. removed, .. PartFiles.Of(_run, RunFiles.Documents).Select(s => (s, false))]);
        new TextBudget(_options).Apply(this);
    }

    /// <summary>The last pass: removed/ then documents/, each document's attributes counted and the texts the page shows taken.</summary>
    private void ReadLast(IReadOnlyList<(string Shard, bool Removed)> shards) =>
        ForEachDocInOrder(
            shards,
            (ref DocFields d, bool removed) => (Wanted: Docs.ContainsKey(d.Id), Attributes: removed ? null : AttributeTally.Read(ref d)),
            (fields, line, removed) =>
            {
                if (fields.Attributes is { } attributes)
                {
                    Attributes.Add(attributes, line);
                }

                if (fields.Wanted && DocFields.TryParse(line, out var d))
                {
                    Fill(ref d, removed);
                }
            });

    /// <summary>
    /// Every document record of <paramref name="shards"/> in file order: <paramref name="parse"/>
    /// runs on up to <see cref="ReportOptions.Threads"/> threads, a block of lines at a time, and
    /// <paramref name="apply"/> on one thread in file order, so the result is that of one pass in
    /// order whatever the thread count. Finding each record's line and reading its ends
    /// (<see cref="DocFields.TryParseEnds"/>) is most of a large run's report; that is the part in
    /// parallel. A Parquet part or a Dolma/DataTrove layout is read by
    /// <see cref="ForEachDoc"/> in its place. <paramref name="parse"/> must read shared state only.
    /// </summary>
    private void ForEachDocInOrder<T>(IReadOnlyList<(string Shard, bool Removed)> shards, ParseDoc<T> parse, ApplyDoc<T> apply)
    {
        var threads = Math.Max(1, _options.Threads);
        OrderedParallel.Run(
            Blocks(shards, _blockBytes),
            threads,
            window: threads * 2,
            block =>
            {
                var docs = new List<(int Start, int Length, T Fields)>();
                if (block.Buffer is { } buffer)
                {
                    JsonlBlocks.ForEachLine(buffer.AsSpan(0, block.Length), (start, length) =>
                    {
                        var line = buffer.AsSpan(start, length);
                        if (DocFields.TryParseEnds(line, block.Removed, out var d) || DocFields.TryParse(line, out d))
                        {
                            docs.Add((start, length, parse(ref d, block.Removed)));
                        }
                    });
                }

                return (block, docs);
            },
            parsed =>
            {
                var (block, docs) = parsed;
                if (block.Buffer is not { } buffer)
                {
                    ForEachDoc(block.Shard, (ref DocFields d) => apply(parse(ref d, block.Removed), d.Line, block.Removed));
                    return;
                }

                foreach (var (start, length, fields) in docs)
                {
                    apply(fields, buffer.AsSpan(start, length), block.Removed);
                }

                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            });
    }

    private static IEnumerable<LineBlock> Blocks(IReadOnlyList<(string Shard, bool Removed)> shards, int blockBytes)
    {
        foreach (var (shard, removed) in shards)
        {
            // A Parquet part, or a JSONL part whose first record is in a Dolma or DataTrove layout,
            // is read whole by ForEachDoc, which takes such records apart.
            bool? layout = shard.EndsWith(".parquet", StringComparison.Ordinal) ? true : null;
            foreach (var (buffer, length) in layout is null ? JsonlBlocks.Read(shard, blockBytes) : [])
            {
                layout ??= FirstRecordIsLayout(buffer.AsSpan(0, length));
                if (layout == true)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                yield return new LineBlock(shard, removed, buffer, length);
            }

            if (layout == true)
            {
                yield return new LineBlock(shard, removed, null, 0);
            }
        }
    }

    /// <summary>Whether the first record of a block is in a Dolma or DataTrove layout; null when the block holds only blank lines.</summary>
    private static bool? FirstRecordIsLayout(ReadOnlySpan<byte> block)
    {
        for (var start = 0; start < block.Length;)
        {
            var newline = block[start..].IndexOf((byte)'\n');
            var length = newline < 0 ? block.Length - start : newline;
            var line = block.Slice(start, length);
            if (line.Trim(" \t\r"u8).Length > 0)
            {
                return OutputRecords.FromLayout(line) is not null;
            }

            start += length + 1;
        }

        return null;
    }

    /// <summary>Whole lines of a JSONL file read together; no buffer: a file read in its place by <see cref="ForEachDoc"/>.</summary>
    private sealed record LineBlock(string Shard, bool Removed, byte[]? Buffer, int Length);

    private delegate T ParseDoc<T>(ref DocFields doc, bool removed);

    private delegate void ApplyDoc<T>(T fields, ReadOnlySpan<byte> line, bool removed);

    private void Fill(ref DocFields d, bool removed)
    {
        if (!Docs.TryGetValue(d.Id, out var info))
        {
            return;
        }

        info.Url = d.Url;
        info.Title = d.Title;
        info.Removed = removed;
        if (_slices.TryGetValue(d.Id, out var slices))
        {
            var full = d.Text(int.MaxValue, out _);
            foreach (var (entry, isA) in slices)
            {
                var (start, end) = isA ? (entry.AStart, entry.AEnd) : (entry.BStart, entry.BEnd);
                start = Math.Clamp(start, 0, full.Length);
                end = Math.Clamp(end, start, full.Length);
                var slice = full[start..end];
                slice = slice[..DocFields.Cut(slice, _options.MaxPassageChars)];
                if (isA)
                {
                    entry.AText = slice;
                }
                else
                {
                    entry.BText = slice;
                }
            }
        }

        if (info.WantText)
        {
            info.Text = d.Text(_options.MaxTextChars, out var length);
            info.TextLength = length;
        }
    }

    private List<(ReuseEntry Entry, bool IsA)> Slices(string id)
    {
        if (!_slices.TryGetValue(id, out var list))
        {
            list = [];
            _slices[id] = list;
        }

        return list;
    }

    private DocInfo Doc(string id)
    {
        if (!Docs.TryGetValue(id, out var info))
        {
            info = new DocInfo();
            Docs[id] = info;
        }

        return info;
    }

    private void Bad(string file, long lines)
    {
        if (lines > 0)
        {
            Notes.Add($"{file}: {lines:N0} lines could not be read and were skipped");
        }
    }

    private static int BySize(ClusterEntry x, ClusterEntry y) => y.Size.CompareTo(x.Size);

    private delegate void DocAction(ref DocFields doc);

    /// <summary>Each record of a shard in our own layout: a Parquet file's rows, a Dolma or DataTrove record taken back apart (the first record says which).</summary>
    private static void ForEachDoc(string shard, DocAction action)
    {
        void One(ReadOnlySpan<byte> line)
        {
            if (DocFields.TryParse(line, out var doc))
            {
                action(ref doc);
            }
        }

        if (shard.EndsWith(".parquet", StringComparison.Ordinal))
        {
            foreach (var line in OutputRecords.ReadParquet(shard))
            {
                One(line);
            }

            return;
        }

        bool? layout = null;
        JsonlLines.ForEach(shard, line =>
        {
            if (layout != false && line.Trim(" \t\r"u8).Length > 0)
            {
                var ours = OutputRecords.FromLayout(line);
                layout ??= ours is not null;
                if (ours is not null)
                {
                    One(ours);
                    return;
                }
            }

            One(line);
        });
    }
}
