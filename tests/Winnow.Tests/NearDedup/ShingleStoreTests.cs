using Winnow.NearDedup;
using Winnow.Tests.Synth;

namespace Winnow.Tests.NearDedup;

public sealed class ShingleStoreTests(SynthCorpusFixture corpus) : IClassFixture<SynthCorpusFixture>, IDisposable
{
    private const int NGram = 5;
    private const ulong Seed = 1;
    private readonly string _folder = Directory.CreateTempSubdirectory("winnow-shingles-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ulong[] Expected(string text, bool knownNfc = false)
    {
        var buffer = new ulong[16];
        var count = new ShingleHasher(NGram, Seed).HashSet(text, ref buffer, knownNfc); // may grow buffer
        return buffer[..count];
    }

    private static byte[] Encode(string text, bool knownNfc = false)
    {
        byte[] buffer = [];
        return ShingleStore.Encode(text, knownNfc, ref buffer);
    }

    [Fact]
    public void EveryDocumentReadsBackAsTheSetItWasSignedFromAndTakesUnderSixteenBytesAShingle()
    {
        var texts = corpus.Text.Values.ToArray();
        using var store = new ShingleStore(_folder);
        long blobBytes = 0, shingles = 0;
        foreach (var text in texts)
        {
            var blob = Encode(text);
            blobBytes += blob.Length;
            shingles += Expected(text).Length;
            store.Append(blob);
        }

        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected(texts[i]), reader.Read((uint)i).ToArray());
        }

        // Issue 17's bound is 16 B a shingle kept; the 64-bit sets took 8, these texts (UTF-8) about 6.
        Assert.True(blobBytes < 8 * shingles, $"{blobBytes} B for {shingles} shingles");
    }

    [Fact]
    public void ASetReadStaysWhileTheReaderKeepsTurningItsRingOverWithOthersReadBesideIt()
    {
        // The reader keeps recent sets one after another in a ring and writes over the oldest: the
        // set of the last Read must survive any number of ReadBeside calls (as while one document
        // is compared with many), while the ring laps it many times over.
        var texts = corpus.Text.Values.ToArray();
        using var store = new ShingleStore(_folder);
        foreach (var text in texts)
        {
            store.Append(Encode(text));
        }

        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        long shingles = 0;
        for (var first = 0; first < 3; first++)
        {
            var pinned = reader.Read((uint)first);
            for (var round = 0; round < 2; round++)
            {
                for (var i = 0; i < texts.Length; i++)
                {
                    var set = reader.ReadBeside((uint)i);
                    Assert.Equal(Expected(texts[i]), set.ToArray());
                    shingles += set.Length;
                }
            }

            Assert.Equal(Expected(texts[first]), pinned.ToArray());
        }

        Assert.True(shingles > 16 * (1 << 16), $"{shingles} shingles read: the ring did not turn over");
    }

    [Fact]
    public void SetsTooLargeForTheRingReadBackAndStayWhileAnotherIsReadBeside()
    {
        // Over a quarter of the largest ring (2^21 shingles): kept in spare buffers, one for Read
        // and one for ReadBeside.
        static string Long(string prefix) => string.Join(' ', Enumerable.Range(0, 600_000).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string[] texts = [Long("a"), Long("b"), "a short text of a few words that sits in the ring"];
        using var store = new ShingleStore(_folder);
        foreach (var text in texts)
        {
            store.Append(Encode(text));
        }

        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        var first = reader.Read(0);
        Assert.Equal(Expected(texts[1]), reader.ReadBeside(1).ToArray());
        Assert.Equal(Expected(texts[2]), reader.ReadBeside(2).ToArray());
        Assert.Equal(Expected(texts[0]), first.ToArray());
        var small = reader.Read(2);
        Assert.Equal(Expected(texts[0]), reader.ReadBeside(0).ToArray());
        Assert.Equal(Expected(texts[1]), reader.ReadBeside(1).ToArray());
        Assert.Equal(Expected(texts[2]), small.ToArray());
    }

    [Fact]
    public void TextsUtf8CannotHoldOrThatAreNotNfcReadBackExactly()
    {
        string[] texts =
        [
            "a lone \ud800 high surrogate and a lone \udc00 low one, with words around them all",
            "cafe\u0301 au lait, the same words decomposed, in a text that is not in NFC at all",
            "short",
            new string('x', 70_000) + " one very long word then a few more words after it",
            "",
        ];
        using var store = new ShingleStore(_folder);
        foreach (var text in texts)
        {
            store.Append(text.Length == 0 ? [] : Encode(text));
        }

        // Told NFC when it is not: read back as it was signed (not normalized), not as the text would be.
        store.Append(Encode("cafe\u0301 au lait", knownNfc: true));
        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected(texts[i]), reader.Read((uint)i).ToArray());
        }

        Assert.Equal(Expected("cafe\u0301 au lait", knownNfc: true), reader.Read((uint)texts.Length).ToArray());
        Assert.NotEqual(Expected("cafe\u0301 au lait", knownNfc: true), Expected("cafe\u0301 au lait"));
    }

    [Fact]
    public void TextsAreReadWhereTheyStandInAnInputFileBesideBlobs()
    {
        // A run without documents over a plain JSONL file: no copy of its texts, only their places.
        // The texts as JSON string contents, escapes and all.
        string[] texts =
        [
            """caf\u00e9 na\u00efve \"quoted\" words, a back\\slash and\nline breaks in a first document""",
            "a second document whose text is kept as a blob, because its file was compressed",
            "\ud83d\ude00 an emoji and \u65e5\u672c\u8a9e between the words of a third document, written as UTF-8",
            "a fourth, decomposed: cafe\u0301 cre\u0300me, signed as known NFC by a caller that said so",
        ];
        var path = Path.Combine(_folder, "in.jsonl");
        var lines = texts.Select((t, i) => $"{{\"id\":\"d{i}\",\"text\":\"{t}\"}}\n").ToArray();
        File.WriteAllText(path, string.Concat(lines));
        var file = Winnow.Readers.InputSet.Expand([path]).Files[0];
        var decoded = texts.Select(t => System.Text.Json.JsonSerializer.Deserialize<string>("\"" + t + "\"")!).ToArray();
        var offset = 0L;
        using var store = new ShingleStore(_folder);
        for (var i = 0; i < texts.Length; i++)
        {
            var start = offset + lines[i].IndexOf("\"text\":\"", StringComparison.Ordinal) + 8;
            if (i == 1)
            {
                store.Append(Encode(decoded[i]));
            }
            else
            {
                // The flag goes with the place: the set is computed again as it was signed.
                store.AppendInPlace(new Winnow.Readers.TextPlace(file, start, System.Text.Encoding.UTF8.GetByteCount(texts[i])), knownNfc: i == 3);
            }

            offset += System.Text.Encoding.UTF8.GetByteCount(lines[i]);
        }

        // A place past the file's end: the file changed under the run.
        store.AppendInPlace(new Winnow.Readers.TextPlace(file, offset + 10, 20));
        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected(decoded[i], knownNfc: i == 3), reader.Read((uint)i).ToArray());
        }

        Assert.NotEqual(Expected(decoded[3]), Expected(decoded[3], knownNfc: true));
        var error = Assert.Throws<InvalidDataException>(() => reader.Read((uint)texts.Length).ToArray());
        Assert.Contains("in.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);

        // The store deletes its own file, never an input.
        store.Dispose();
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AnInputFileChangedAfterItsTextsWereReadStopsTheVerification()
    {
        var path = Path.Combine(_folder, "in.jsonl");
        const string line = "{\"id\":\"a\",\"text\":\"one two three four five six seven\"}\n";
        File.WriteAllText(path, line);
        var file = Winnow.Readers.InputSet.Expand([path]).Files[0];
        using var store = new ShingleStore(_folder);
        store.AppendInPlace(new Winnow.Readers.TextPlace(file, line.IndexOf("one", StringComparison.Ordinal), 33));
        File.AppendAllText(path, line.Replace("\"a\"", "\"b\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(store.Seal);
        Assert.Contains("in.jsonl: changed while winnow was running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lz4BlobsOfEarlierBuildsStillReadBack()
    {
        // [length][flags: LZ4][uncompressed length][LZ4 block], as a map unit of an earlier build wrote it.
        const string text = "a document that an earlier build compressed, a document that an earlier build compressed again";
        var raw = System.Text.Encoding.UTF8.GetBytes(text);
        var packed = new byte[K4os.Compression.LZ4.LZ4Codec.MaximumOutputSize(raw.Length)];
        var packedLength = K4os.Compression.LZ4.LZ4Codec.Encode(raw, packed);
        Assert.InRange(packedLength, 1, raw.Length - 1);
        var blob = new byte[9 + packedLength];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(blob, blob.Length - 4);
        blob[4] = 2;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(5), raw.Length);
        packed.AsSpan(0, packedLength).CopyTo(blob.AsSpan(9));
        using var store = new ShingleStore(_folder);
        store.Append(blob);
        store.Seal();
        Assert.Equal(Expected(text), store.CreateReader(NGram, Seed).Read(0).ToArray());
    }

    [Fact]
    public void TextsAreReadFromASpillsRecords()
    {
        // A single-process run's spill: one JSON record per line, in observation order, written as the run writes them.
        string[] texts =
        [
            "the first document, with \"quotes\", a back\\slash and\nline breaks\n\nin it",
            "caf\u00e9 na\u00efve \u65e5\u672c\u8a9e and an emoji \ud83d\ude00 between words",
            "...",
            "cafe\u0301 au lait, not in NFC, shingled as it is signed",
            new string('w', 5000) + " and a record longer than the reader's first read",
        ];
        // Written by the run's own spill writer, which notes where each record starts.
        var spill = new Winnow.Pipeline.SpillWriter(Path.Combine(_folder, "pass-0"));
        for (var i = 0; i < texts.Length; i++)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, Winnow.Writers.DocumentJson.WriterOptions))
            {
                Winnow.Writers.DocumentJson.WriteSpill(writer, new Winnow.Documents.Document($"d{i}", texts[i], new Winnow.Documents.DocumentSource("in.jsonl", i + 1), i, 10));
            }

            spill.Write([.. buffer.WrittenSpan, (byte)'\n']);
        }

        spill.Complete();
        spill.Dispose();
        var path = spill.Spilled!.Path;
        Assert.Equal(texts.Length, spill.LineStarts.Count);
        Assert.Equal(0, spill.LineStarts[0]);

        using var store = new ShingleStore(_folder);
        store.Append(Encode("a document of the store's own file before the spill"));
        Assert.Equal(texts.Length, store.AddLines(path, spill.LineStarts));
        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        Assert.Equal(Expected("a document of the store's own file before the spill"), reader.Read(0).ToArray());
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected(texts[i]), reader.Read((uint)(i + 1)).ToArray());
        }
    }

    [Fact]
    public void BlobsAreReadInPlaceFromOtherFiles()
    {
        // A map unit's observation file: other fields around each blob.
        string[] texts = ["the first document of the unit, with enough words for shingles", "and the second document of the unit, also with words"];
        var path = Path.Combine(_folder, "near.bin");
        var offsets = new List<long>();
        using (var file = File.Create(path))
        {
            foreach (var text in texts)
            {
                file.Write("some other fields"u8);
                offsets.Add(file.Position);
                file.Write(Encode(text));
            }
        }

        using var store = new ShingleStore(_folder);
        store.Append(Encode("a document of the store's own file"));
        var segment = store.AddSegment(path);
        store.AppendAt(segment, offsets[1]);
        store.AppendAt(segment, -1);
        store.AppendAt(segment, offsets[0]);
        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        Assert.Equal(Expected("a document of the store's own file"), reader.Read(0).ToArray());
        Assert.Equal(Expected(texts[1]), reader.Read(1).ToArray());
        Assert.True(reader.Read(2).IsEmpty);
        Assert.Equal(Expected(texts[0]), reader.Read(3).ToArray());
    }

    [Fact]
    public void AStoreCutShortSaysSoInsteadOfGivingAWrongSet()
    {
        var blob = Encode("a document whose blob is cut short in its observation file, with enough words");
        var path = Path.Combine(_folder, "cut.bin");
        File.WriteAllBytes(path, blob[..(blob.Length / 2)]);
        File.WriteAllBytes(Path.Combine(_folder, "tiny.bin"), blob[..3]);
        using var store = new ShingleStore(_folder);
        store.AppendAt(store.AddSegment(path), 0);
        store.AppendAt(store.AddSegment(Path.Combine(_folder, "tiny.bin")), 0);
        store.Seal();
        var reader = store.CreateReader(NGram, Seed);
        Assert.Throws<EndOfStreamException>(() => reader.Read(0).ToArray());
        Assert.Throws<InvalidDataException>(() => reader.Read(1).ToArray());
    }

    [Fact]
    public void OverlapCountsTheCommonValuesOfTwoSortedSets()
    {
        // Sets from disjoint to equal, small values so they collide often, and extremes of the range.
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            var range = random.Next(1, 400);
            var a = Enumerable.Range(0, random.Next(0, 300)).Select(_ => Value()).Distinct().Order().ToArray();
            var b = Enumerable.Range(0, random.Next(0, 300)).Select(_ => Value()).Distinct().Order().ToArray();
            var expected = a.Intersect(b).Count();
            Assert.Equal(expected, ShingleStore.Overlap(a, b));
            Assert.Equal(expected, ShingleStore.Overlap(b, a));
            var marks = new bool[a.Length];
            Assert.Equal(expected, ShingleStore.Overlap(a, b, marks));
            Assert.Equal(a.Select(v => b.Contains(v)), marks);

            ulong Value() => random.Next(4) switch
            {
                0 => ulong.MaxValue - (ulong)random.Next(range),
                _ => (ulong)random.Next(range),
            };
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(50, 50, 50)]
    [InlineData(300, 500, 200)]
    [InlineData(700, 90, 0)]
    [InlineData(0, 0, 401)]
    [InlineData(3, 0, 400)]
    [InlineData(0, 5, 17)]
    public void OverlapCountsTheSharedElementsAndMarksThem(int onlyA, int onlyB, int shared)
    {
        var random = new Random(onlyA + (7 * onlyB) + (31 * shared));
        var all = new HashSet<ulong>();
        while (all.Count < onlyA + onlyB + shared)
        {
            // Values near the ends of the range too, where a comparison could overflow.
            all.Add(random.Next(4) == 0 ? ulong.MaxValue - (ulong)random.Next(1000) : (ulong)random.NextInt64());
        }

        var values = all.ToArray();
        var a = values[..(onlyA + shared)].Order().ToArray();
        var b = values[onlyA..].Order().ToArray();
        Assert.Equal(shared, ShingleStore.Overlap(a, b));
        Assert.Equal(shared, ShingleStore.Overlap(b, a));
        var found = new bool[a.Length];
        Assert.Equal(shared, ShingleStore.Overlap(a, b, found));
        Assert.Equal(a.Select(x => b.Contains(x)), found);
    }
}
