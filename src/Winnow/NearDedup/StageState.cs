namespace Winnow.NearDedup;

/// <summary>The spill files of one run of <see cref="NearDedupStage"/> and the resolve step over them.</summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class StageState : IDisposable
{
    private readonly MinHashOptions _options;
    private readonly LshParameters _lsh;
    private readonly string _directory;
    private readonly ExternalBandSorter _sorter;
    private readonly DocumentLog _log;
    private readonly ShingleStore? _shingles;
    private readonly bool _textsFromSpill;
    private bool _textsGiven;
    private long _signed;

    /// <param name="options">MinHash and verification options.</param>
    /// <param name="lsh">The band layout.</param>
    /// <param name="directory">The state's own folder.</param>
    /// <param name="textsFromSpill">Exact verification reads the texts from the run's spill (<see cref="TextsAreIn"/>), not from copies of its own.</param>
    /// <param name="parallelism">Threads that sort a full buffer of band records.</param>
    public StageState(MinHashOptions options, LshParameters lsh, string directory, bool textsFromSpill = false, int parallelism = 1)
    {
        _textsFromSpill = textsFromSpill;
        _options = options;
        _lsh = lsh;
        _directory = directory;
        Directory.CreateDirectory(directory);
        Signatures = new SignatureStore(Path.Combine(directory, "signatures.bin"), options.NumPerm, options.SignatureMemoryBytes, kept: options.Verify != VerifyMode.Exact);
        _sorter = new ExternalBandSorter(Path.Combine(directory, "runs"), options.SortMemoryBytes, parallelism);
        _log = new DocumentLog(Path.Combine(directory, "documents.log"));
        _shingles = options.Verify == VerifyMode.Exact ? new ShingleStore(directory) : null;
    }

    public SignatureStore Signatures { get; }

    /// <summary>Adds the document signed into slot <paramref name="i"/>: its band records are numbered with its index here.</summary>
    public void Add(SignedBatch batch, int i, long ordinal, long rank, string id)
    {
        var index = NextIndex();
        Signatures.Append(batch.Signature(i));
        _log.Append(ordinal, rank, id);
        if (batch.HasShingles[i])
        {
            _signed++;
            var bands = batch.BandsOf(i);
            foreach (ref var band in bands)
            {
                band = band with { Document = index };
            }

            _sorter.Add(bands);
        }

        if (!_textsFromSpill && _shingles is not null)
        {
            if (batch.Places.Length > 0 && batch.Places[i].IsKnown)
            {
                _shingles.AppendInPlace(batch.Places[i], batch.PlacesNfc[i]);
            }
            else
            {
                _shingles.Append(batch.Texts.Length > 0 ? batch.Texts[i] : []);
            }
        }
    }

    /// <summary>The spill that holds every added document's record, one line each in the order added: exact verification reads their texts there.</summary>
    public void TextsAreIn(string spill, IReadOnlyList<long> lineStarts)
    {
        if (_shingles is null)
        {
            return;
        }

        var lines = _shingles.AddLines(spill, lineStarts);
        if (lines != Signatures.Count)
        {
            throw new InvalidDataException($"near dedup observed {Signatures.Count:N0} documents but the spill {spill} holds {lines:N0}");
        }

        _textsGiven = true;
    }

    /// <summary>A map unit's observation file, whose verification blobs are read in place.</summary>
    public int AddSegment(string path) => _shingles?.AddSegment(path) ?? -1;

    /// <summary>
    /// Adds a document observed by a shard task: its bands are keyed by its index here; its
    /// verification blob is at <paramref name="blobAt"/> of <paramref name="segment"/>.
    /// </summary>
    /// <param name="signature">The signature; null when the unit wrote only <paramref name="keys"/> (exact verification keeps no signature).</param>
    /// <param name="keys">The band keys, when <paramref name="signature"/> is null.</param>
    /// <param name="hasShingles">Whether the document has words (else it has no bands).</param>
    /// <param name="ordinal">The document's ordinal in the run.</param>
    /// <param name="rank">Its keep rank.</param>
    /// <param name="id">Its id.</param>
    /// <param name="segment">The observation file its text blob is in.</param>
    /// <param name="blobAt">Where the blob starts (negative: none).</param>
    /// <param name="bands">Scratch for its band records.</param>
    public void Add(uint[]? signature, ReadOnlySpan<ulong> keys, bool hasShingles, long ordinal, long rank, string id, int segment, long blobAt, Span<BandRecord> bands)
    {
        var index = NextIndex();
        Signatures.Append(signature ?? []);
        _log.Append(ordinal, rank, id);
        if (hasShingles)
        {
            _signed++;
            if (signature is null)
            {
                for (var k = 0; k < bands.Length; k++)
                {
                    bands[k] = new BandRecord(keys[k], index);
                }
            }
            else
            {
                BandKeys.Compute(signature, _lsh, _options.Seed, index, bands);
            }

            _sorter.Add(bands);
        }

        _shingles?.AppendAt(segment, blobAt);
    }

    public (List<NearDuplicateCluster> Clusters, NearDedupSummary Summary) Resolve(ParallelOptions parallel)
    {
        if (_textsFromSpill && _shingles is not null && !_textsGiven)
        {
            throw new InvalidOperationException("near dedup's exact verification was promised the run's spill for its texts but was not given it");
        }

        Signatures.Seal();
        _log.Seal();
        _shingles?.Seal();
        var sets = new UnionFind(checked((int)Signatures.Count));
        var verifier = new PairVerifier(_options, Signatures, _shingles);
        var joiner = new CandidateJoiner(sets, verifier, parallel);
        joiner.Run(_sorter.MergeBlocks(parallel));
        var attached = ContainmentAttacher.Attach(sets, joiner.Contained, verifier, parallel);
        var clusters = ClusterAssembler.Assemble(sets, _log, verifier, joiner.Measured, parallel);
        var summary = new NearDedupSummary
        {
            Documents = Signatures.Count,
            Signed = _signed,
            Lsh = _lsh,
            BandRecords = _sorter.Count,
            SpilledRuns = _sorter.RunCount,
            CandidatePairs = joiner.CandidatePairs,
            VerifiedPairs = joiner.VerifiedPairs,
            AcceptedPairs = joiner.AcceptedPairs,
            Attached = attached,
            Clusters = clusters.Count,
            Removed = clusters.Sum(c => c.Members.Count - 1L),
        };

        // Nothing verifies after the resolve: the texts' files are let go (a spill is then deleted when replayed).
        _shingles?.Dispose();
        return (clusters, summary);
    }

    public void Dispose()
    {
        Signatures.Dispose();
        _sorter.Dispose();
        _log.Dispose();
        _shingles?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The runner removes the work folder anyway.
        }
    }

    private uint NextIndex() => Signatures.Count < uint.MaxValue
        ? (uint)Signatures.Count
        : throw new InvalidOperationException("near dedup supports at most 2^32 - 1 documents per run");
}
