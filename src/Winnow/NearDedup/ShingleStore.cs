using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using K4os.Compression.LZ4;
using Microsoft.Win32.SafeHandles;
using Winnow.IO;
using Winnow.Readers;
using Winnow.Text;

namespace Winnow.NearDedup;

/// <summary>
/// Exact verification's data: each document's text as near dedup shingled it, kept on disk,
/// from which its shingle set is computed again, by the same hasher, when a candidate pair
/// needs it. The set so computed is the one the signature was made from, so the Jaccard measured
/// is the exact one of the 64-bit shingle sets.
/// </summary>
/// <remarks>
/// Why text and not the shingle hashes: a set takes 8 B per shingle, about 1.3× the corpus (37 GB
/// at 10M synthetic documents); the UTF-8 text takes two thirds of it (5.2 B per shingle on the
/// synthetic corpus), and only the documents of candidate pairs are shingled twice. A document's
/// text sits in a segment file, read in place, not copied: the run's spill (a run that writes
/// documents), the input file itself (a run without documents that reads an uncompressed JSONL
/// file as it lies on disk: no copy at all), a map unit's observation file (a sharded run), or
/// else the store's own. Memory: 8 B per document, 4 more when any text is read from an input file.
/// Appending is not thread-safe; reading is, once <see cref="Seal"/> was called, each thread
/// with its own <see cref="Reader"/>, which keeps the sets it computed recently.
/// </remarks>
internal sealed class ShingleStore : IDisposable
{
    // A blob: [int32 length of what follows][flags][int32 uncompressed byte length][bytes].
    // Blobs are no longer compressed (it cost more CPU than the disk it saved was worth), but a
    // map unit written by an earlier build may hold LZ4 ones, which are still read.
    private const byte Utf16 = 1;
    private const byte Lz4 = 2;
    private const byte KnownNfc = 4;
    private const int HeaderBytes = 9;
    private const int OffsetBits = 40;
    private const ulong NoBlob = ulong.MaxValue;
    private readonly string _ownPath;
    private readonly List<string> _segments = [];
    private readonly List<SegmentKind> _kinds = [];
    private readonly Dictionary<string, int> _inputSegments = new(StringComparer.Ordinal);
    private readonly Dictionary<int, NodeInfo> _inputsAsSeen = [];
    private readonly List<ulong> _positions = [];
    private List<int>? _lengths; // by document: the byte length of a text read from an input file, its complement when known to be NFC
    private FileStream? _own;
    private int _ownSegment = -1;
    private SafeFileHandle[] _readers = [];
    private InputHandles? _inputs;

    public ShingleStore(string directory)
    {
        _ownPath = Path.Combine(directory, "texts.bin");
    }

    /// <summary>
    /// The blob of <paramref name="text"/>, for <see cref="Append(ReadOnlySpan{byte})"/> or a map
    /// unit's observation file: UTF-8, or UTF-16 when the text holds a lone surrogate, which UTF-8
    /// cannot keep. <paramref name="buffer"/> is scratch, grown as needed.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<char> text, bool knownNfc, ref byte[] buffer)
    {
        var flags = knownNfc ? KnownNfc : (byte)0;
        var most = HeaderBytes + (text.Length * 3);
        if (buffer.Length < most)
        {
            buffer = new byte[Math.Max(most, buffer.Length * 2)];
        }

        var blob = buffer;
        if (System.Text.Unicode.Utf8.FromUtf16(text, blob.AsSpan(HeaderBytes), out _, out var rawLength, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            flags |= Utf16;
            MemoryMarshal.AsBytes(text).CopyTo(blob.AsSpan(HeaderBytes));
            rawLength = text.Length * 2;
        }

        var length = HeaderBytes + rawLength;
        BinaryPrimitives.WriteInt32LittleEndian(blob, length - 4);
        blob[4] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(5), rawLength);
        return blob.AsSpan(0, length).ToArray();
    }

    /// <summary>Appends a document's blob (from <see cref="Encode"/>) to the store's own file; empty: a document without words.</summary>
    public void Append(ReadOnlySpan<byte> blob)
    {
        if (blob.IsEmpty)
        {
            _positions.Add(NoBlob);
            return;
        }

        if (_own is null)
        {
            _own = new FileStream(_ownPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
            _ownSegment = AddSegment(_ownPath, SegmentKind.Blobs);
        }

        _positions.Add(Position(_ownSegment, _own.Position));
        _own.Write(blob);
    }

    /// <summary>Adds a file that holds blobs in place; returns its number for <see cref="AppendAt"/>.</summary>
    public int AddSegment(string path) => AddSegment(path, SegmentKind.Blobs);

    /// <summary>
    /// Adds a document whose text is read again, when needed, where it stands in its input file
    /// (<see cref="TextPlace"/>): nothing is copied. The file must not change until the run ends.
    /// <paramref name="knownNfc"/>: the text is known to be in NFC, so its set is computed without checking.
    /// </summary>
    public void AppendInPlace(in TextPlace place, bool knownNfc = false)
    {
        var path = place.File!.Path;
        if (!_inputSegments.TryGetValue(path, out var segment))
        {
            segment = AddSegment(path, SegmentKind.InputTexts);
            _inputSegments.Add(path, segment);
            _inputsAsSeen.Add(segment, FileSystemNode.Stat(path));
        }

        _lengths ??= [];
        while (_lengths.Count < _positions.Count)
        {
            _lengths.Add(0);
        }

        _positions.Add(Position(segment, place.Offset));
        _lengths.Add(knownNfc ? ~place.Length : place.Length);
    }

    /// <summary>
    /// Adds a spill of JSON records, one per line, each holding a document's "text", as the
    /// documents that follow, in line order (a single-process run's survivors: no copy of their
    /// texts is made). <paramref name="lineStarts"/>: where each line starts, as the spill's writer
    /// noted them. Returns how many documents it added.
    /// </summary>
    public long AddLines(string path, IReadOnlyList<long> lineStarts)
    {
        var segment = AddSegment(path, SegmentKind.Lines);
        _positions.EnsureCapacity(_positions.Count + lineStarts.Count);
        foreach (var start in lineStarts)
        {
            _positions.Add(Position(segment, start));
        }

        return lineStarts.Count;
    }

    private int AddSegment(string path, SegmentKind kind)
    {
        _segments.Add(path);
        _kinds.Add(kind);
        return _segments.Count - 1;
    }

    /// <summary>Adds a document whose blob starts at <paramref name="offset"/> of segment <paramref name="segment"/>; a negative offset: none.</summary>
    public void AppendAt(int segment, long offset) => _positions.Add(offset < 0 ? NoBlob : Position(segment, offset));

    public void Seal()
    {
        _own?.Dispose();
        _own = null;
        // An input file whose size, time or identity moved since its texts were read would give
        // other texts: the run stops rather than measure sets the signatures were not made from.
        foreach (var (segment, seen) in _inputsAsSeen)
        {
            if (FileSystemNode.Stat(_segments[segment]) != seen)
            {
                throw new InvalidDataException(ChangedInput(_segments[segment]));
            }
        }

        if (_readers.Length != _segments.Count)
        {
            // Input files (a run may read thousands) are opened when read, a few at a time; the
            // store's own segments (one file, a spill, a map unit's observations) at once.
            _inputs ??= _inputSegments.Count > 0 ? new InputHandles(_segments) : null;
            _readers = [.. _segments.Select((p, i) => _kinds[i] == SegmentKind.InputTexts
                ? null!
                : File.OpenHandle(p, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess))];
        }
    }

    public Reader CreateReader(int ngram, ulong seed) => new(this, new ShingleHasher(ngram, seed));

    public void Dispose()
    {
        _own?.Dispose();
        foreach (var reader in _readers)
        {
            reader?.Dispose();
        }

        _inputs?.Dispose();

        // Only the store's own file: the spill and the input files are not the store's to delete.
        File.Delete(_ownPath);
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted, distinct sets.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.IsEmpty && b.IsEmpty)
        {
            return 1;
        }

        var common = Overlap(a, b);
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>
    /// |A ∩ B| of two sorted, distinct sets; with <paramref name="foundInB"/> (A's length), also
    /// marks the elements of A found in B.
    /// </summary>
    public static int Overlap(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<bool> foundInB = default)
    {
        if (!foundInB.IsEmpty)
        {
            return OverlapMarking(a, b, foundInB);
        }

        int i = 0, j = 0, common = 0;
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        if (Vector256.IsHardwareAccelerated)
        {
            // Four elements of each side at a time: each of A's is compared with each of B's (B's
            // block turned three times), and the side whose block ends lower moves on (both on a
            // tie). An element of that block is below every element still to come on the other
            // side, so it has met all it can meet; elements are distinct, so each match is one.
            while (i + 4 <= a.Length && j + 4 <= b.Length)
            {
                var u = Vector256.LoadUnsafe(ref x, (nuint)i);
                var v = Vector256.LoadUnsafe(ref y, (nuint)j);
                var equal = Vector256.Equals(u, v)
                    | Vector256.Equals(u, Vector256.Shuffle(v, Vector256.Create(1UL, 2, 3, 0)))
                    | Vector256.Equals(u, Vector256.Shuffle(v, Vector256.Create(2UL, 3, 0, 1)))
                    | Vector256.Equals(u, Vector256.Shuffle(v, Vector256.Create(3UL, 0, 1, 2)));
                common += BitOperations.PopCount(equal.ExtractMostSignificantBits());
                var lastA = Unsafe.Add(ref x, i + 3);
                var lastB = Unsafe.Add(ref y, j + 3);
                i += lastA <= lastB ? 4 : 0;
                j += lastB <= lastA ? 4 : 0;
            }
        }

        // The rest without branches on the comparison: the hashes are random, so which side moves
        // on is a coin toss that a branch predictor loses half the time.
        while (i < a.Length && j < b.Length)
        {
            var u = Unsafe.Add(ref x, i);
            var v = Unsafe.Add(ref y, j);
            common += u == v ? 1 : 0;
            i += u <= v ? 1 : 0;
            j += v <= u ? 1 : 0;
        }

        return common;
    }

    private static int OverlapMarking(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<bool> foundInB)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                foundInB[i] = true;
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    private static string ChangedInput(string path) =>
        $"{FileSystemNode.Display(path)}: changed while winnow was running (near dedup's exact verification reads texts again "
        + "where they stand in the input); leave input files unchanged until the run ends";

    private static ulong Position(int segment, long offset) =>
        segment < 1 << (64 - OffsetBits - 1) && offset < 1L << OffsetBits
            ? ((ulong)segment << OffsetBits) | (ulong)offset
            : throw new InvalidOperationException("near dedup's verification store holds at most 2^23 files of 1 TiB each");

    /// <summary>
    /// One thread's buffers for computing sets back from the texts, and its recently computed sets.
    /// </summary>
    /// <remarks>
    /// A candidate document recurs in several pairs, and computing its set again costs about as
    /// much as signing it did, so sets are kept: one after another in a ring of shingles, found by
    /// document number mod <see cref="Slots"/>, the oldest overwritten first. Pairs come to a thread
    /// a group of linked documents at a time (<see cref="CandidateJoiner"/>), so a thread's own
    /// recent sets are the ones it needs. The ring is reused: a set taken from the text costs no
    /// new memory. (Each set was an array of its own before, in fresh memory the collector had to
    /// clear and, on a machine that hands freed memory back to its host, fault in again: 1.7 CPU-s
    /// and 0.4 GB of peak RSS of a 1M-document dedup, docs/benchmarks.md.) Memory: at most 16 MB a
    /// reader, plus the largest set met that does not fit a quarter of it.
    /// </remarks>
    internal sealed class Reader(ShingleStore store, ShingleHasher hasher)
    {
        private const int Slots = 1 << 13;
        private const int SmallestRing = 1 << 16;
        private const int LargestRing = 1 << 21;
        private readonly uint[] _documents = new uint[Slots]; // document + 1; 0: none
        private readonly long[] _starts = new long[Slots]; // where in the ring's running count of shingles
        private readonly int[] _counts = new int[Slots];
        private ulong[] _ring = [];
        private long _head; // the running count of shingles written to the ring
        private long _pinned = -1; // where the set of the last Read starts in the ring; -1: not there
        private ulong[] _spare = [];
        private ulong[] _spareBeside = [];
        private byte[] _blob = new byte[1 << 12];
        private byte[] _raw = new byte[1 << 12];
        private char[] _text = new char[1 << 12];
        private ulong[] _shingles = new ulong[1024];

        /// <summary>
        /// The sorted, distinct shingle set of <paramref name="document"/>, kept or computed: valid
        /// until this reader's next <see cref="Read"/>, whatever <see cref="ReadBeside"/> reads meanwhile.
        /// </summary>
        public ReadOnlySpan<ulong> Read(uint document)
        {
            _pinned = -1; // the last Read's set is given up: this one may go anywhere in the ring
            var slot = (int)(document & (Slots - 1));
            var set = IsKept(document, slot) ? Kept(slot) : Keep(document, slot, Compute(document), ref _spare);
            _pinned = IsKept(document, slot) ? _starts[slot] : -1;
            return set;
        }

        /// <summary>The set of <paramref name="document"/>, as <see cref="Read"/> gives it, without overwriting the last set <see cref="Read"/> gave: valid until this reader's next read.</summary>
        public ReadOnlySpan<ulong> ReadBeside(uint document)
        {
            var slot = (int)(document & (Slots - 1));
            return IsKept(document, slot) ? Kept(slot) : Keep(document, slot, Compute(document), ref _spareBeside);
        }

        // Whether the slot holds the document's set and the ring has not been written over it since.
        private bool IsKept(uint document, int slot) =>
            _documents[slot] == document + 1 && _head - _starts[slot] <= _ring.Length;

        private Span<ulong> Kept(int slot) => _ring.AsSpan((int)(_starts[slot] % _ring.Length), _counts[slot]);

        // Copies the computed set into the ring and keeps it there, or, when it is too large for
        // the ring or would overwrite the pinned set, into a spare buffer without keeping it.
        private Span<ulong> Keep(uint document, int slot, int count, ref ulong[] spare)
        {
            var set = _shingles.AsSpan(0, count);
            if (count == 0)
            {
                return [];
            }

            if (count <= LargestRing / 4)
            {
                if (_ring.Length < 4 * count)
                {
                    // A larger ring starts empty; the sets already given out stay valid in the old one.
                    _ring = new ulong[Math.Min(LargestRing, Math.Max(SmallestRing, (int)BitOperations.RoundUpToPowerOf2((uint)(4 * count))))];
                    Array.Clear(_documents);
                    _head = 0;
                    _pinned = -1;
                }

                var start = _head;
                var offset = (int)(start % _ring.Length);
                if (offset + count > _ring.Length)
                {
                    start += _ring.Length - offset; // a set lies whole: the rest of the lap stays unused
                    offset = 0;
                }

                if (_pinned < 0 || start + count - _pinned <= _ring.Length)
                {
                    var kept = _ring.AsSpan(offset, count);
                    set.CopyTo(kept);
                    _documents[slot] = document + 1;
                    _starts[slot] = start;
                    _counts[slot] = count;
                    _head = start + count;
                    return kept;
                }
            }

            if (spare.Length < count)
            {
                spare = new ulong[Math.Max(count, spare.Length * 2)];
            }

            set.CopyTo(spare);
            return spare.AsSpan(0, count);
        }

        private int Compute(uint document)
        {
            var position = store._positions[(int)document];
            if (position == NoBlob)
            {
                return 0;
            }

            var segment = (int)(position >> OffsetBits);
            var handle = store._readers[segment];
            var offset = (long)(position & ((1UL << OffsetBits) - 1));
            switch (store._kinds[segment])
            {
                case SegmentKind.Lines:
                    return ComputeFromRecord(handle, offset, document);
                case SegmentKind.InputTexts:
                    var input = store._inputs!.Rent(segment);
                    try
                    {
                        var bytes = store._lengths![(int)document];
                        return ComputeFromInput(input, offset, bytes < 0 ? ~bytes : bytes, knownNfc: bytes < 0, store._segments[segment]);
                    }
                    finally
                    {
                        store._inputs.Return(segment);
                    }
            }

            // One read for most blobs: the header and a guess at the rest.
            var got = RandomAccess.Read(handle, _blob, offset);
            var length = got >= HeaderBytes ? 4 + BinaryPrimitives.ReadInt32LittleEndian(_blob) : -1;
            if (length < HeaderBytes)
            {
                throw new InvalidDataException($"near dedup's verification store is damaged at document {document}");
            }

            if (length > _blob.Length)
            {
                var grown = new byte[Math.Max(length, _blob.Length * 2)];
                _blob.AsSpan(0, got).CopyTo(grown);
                _blob = grown;
            }

            if (ReadUpTo(handle, offset, got, length) < length)
            {
                throw new EndOfStreamException($"near dedup's verification store is cut short at document {document}");
            }

            var flags = _blob[4];
            var rawLength = BinaryPrimitives.ReadInt32LittleEndian(_blob.AsSpan(5));
            ReadOnlySpan<byte> raw = _blob.AsSpan(HeaderBytes, length - HeaderBytes);
            if ((flags & Lz4) != 0)
            {
                if (_raw.Length < rawLength)
                {
                    _raw = new byte[Math.Max(rawLength, _raw.Length * 2)];
                }

                var decoded = LZ4Codec.Decode(raw, _raw.AsSpan(0, rawLength));
                raw = decoded == rawLength ? _raw.AsSpan(0, rawLength) : throw new InvalidDataException($"near dedup's verification store is damaged at document {document}");
            }

            ReadOnlySpan<char> text;
            if ((flags & Utf16) != 0)
            {
                text = MemoryMarshal.Cast<byte, char>(raw);
            }
            else
            {
                if (_text.Length < raw.Length)
                {
                    _text = new char[Math.Max(raw.Length, _text.Length * 2)];
                }

                text = _text.AsSpan(0, Encoding.UTF8.GetChars(raw, _text));
            }

            return hasher.HashSet(text, ref _shingles, (flags & KnownNfc) != 0);
        }

        /// <summary>
        /// The set of the text whose JSON string content is <paramref name="length"/> bytes at
        /// <paramref name="offset"/> of an input file, decoded as the quick reader decoded it.
        /// </summary>
        private int ComputeFromInput(SafeFileHandle handle, long offset, int length, bool knownNfc, string path)
        {
            if (_blob.Length < length)
            {
                _blob = new byte[Math.Max(length, _blob.Length * 2)];
            }

            var got = ReadUpTo(handle, offset, 0, length);
            if (_text.Length < length)
            {
                _text = new char[Math.Max(length, _text.Length * 2)];
            }

            var chars = got == length ? FlatJsonScanner.Unescape(_blob.AsSpan(0, length), _text) : -1;
            return chars >= 0
                ? hasher.HashSet(_text.AsSpan(0, chars), ref _shingles, knownNfc)
                : throw new InvalidDataException(ChangedInput(path));
        }

        /// <summary>
        /// Reads bytes [<paramref name="got"/>, <paramref name="length"/>) of the span at
        /// <paramref name="offset"/> into the blob buffer (large enough); returns how many of the
        /// <paramref name="length"/> are there, fewer where the file ends first.
        /// </summary>
        private int ReadUpTo(SafeFileHandle handle, long offset, int got, int length)
        {
            while (got < length)
            {
                var more = RandomAccess.Read(handle, _blob.AsSpan(got, length - got), offset + got);
                if (more == 0)
                {
                    break;
                }

                got += more;
            }

            return got;
        }

        /// <summary>The set of the text of the JSON record on the line at <paramref name="offset"/>.</summary>
        private int ComputeFromRecord(SafeFileHandle handle, long offset, uint document)
        {
            var got = RandomAccess.Read(handle, _blob, offset);
            int end;
            while ((end = _blob.AsSpan(0, got).IndexOf((byte)'\n')) < 0)
            {
                if (got == _blob.Length)
                {
                    Array.Resize(ref _blob, _blob.Length * 2);
                }

                var more = RandomAccess.Read(handle, _blob.AsSpan(got), offset + got);
                if (more == 0)
                {
                    end = got; // the file's last line, without a line break
                    break;
                }

                got += more;
            }

            var members = new JsonMembers(_blob.AsSpan(0, end));
            while (members.MoveNext())
            {
                // The text member as DocumentJson writes it, decoded here without a string.
                if (members.Name.SequenceEqual("text"u8) && members.Value[0] == '"')
                {
                    var content = members.Value[1..^1];
                    if (_text.Length < content.Length)
                    {
                        _text = new char[Math.Max(content.Length, _text.Length * 2)];
                    }

                    var length = JsonSpans.Unescape(content, _text, strict: false, out _);
                    return hasher.HashSet(_text.AsSpan(0, length), ref _shingles);
                }
            }

            throw new InvalidDataException($"near dedup's verification found no text in the spill's record of document {document}");
        }
    }

    /// <summary>
    /// Input files open for reading texts again, at most <see cref="MaxOpen"/> at once, so that a run
    /// over thousands of files stays within the process's limit on open files; the least recently
    /// used one not being read is closed to open another. Thread-safe.
    /// </summary>
    private sealed class InputHandles(List<string> paths) : IDisposable
    {
        private const int MaxOpen = 64;
        private readonly Dictionary<int, Entry> _open = [];
        private long _clock;

        public SafeFileHandle Rent(int segment)
        {
            lock (_open)
            {
                if (!_open.TryGetValue(segment, out var entry))
                {
                    if (_open.Count >= MaxOpen)
                    {
                        CloseLeastRecentlyUsedIdle();
                    }

                    // As the reader opened it (names that are not UTF-8 included), and only read:
                    // a bare handle, as a FileStream's seeks the file to hand over its position.
                    entry = new Entry { Handle = FileSystemNode.OpenReadHandle(paths[segment], FileOptions.RandomAccess) };
                    _open.Add(segment, entry);
                }

                entry.Users++;
                entry.LastUse = ++_clock;
                return entry.Handle;
            }
        }

        private void CloseLeastRecentlyUsedIdle()
        {
            var idle = -1;
            foreach (var (segment, entry) in _open)
            {
                if (entry.Users == 0 && (idle < 0 || entry.LastUse < _open[idle].LastUse))
                {
                    idle = segment;
                }
            }

            // With every open file being read (more threads than files kept open), one more is opened.
            if (idle >= 0)
            {
                _open[idle].Handle.Dispose();
                _open.Remove(idle);
            }
        }

        public void Return(int segment)
        {
            lock (_open)
            {
                _open[segment].Users--;
            }
        }

        public void Dispose()
        {
            lock (_open)
            {
                foreach (var entry in _open.Values)
                {
                    entry.Handle.Dispose();
                }

                _open.Clear();
            }
        }

        private sealed class Entry
        {
            public required SafeFileHandle Handle { get; init; }

            public int Users { get; set; }

            public long LastUse { get; set; }
        }
    }

    /// <summary>What a segment file holds.</summary>
    private enum SegmentKind
    {
        /// <summary>Blobs (<see cref="Encode"/>): the store's own file, a map unit's observations.</summary>
        Blobs,

        /// <summary>A spill: one JSON record per line, read for its "text".</summary>
        Lines,

        /// <summary>An input file: each text as the content of a JSON string at a known place.</summary>
        InputTexts,
    }
}
