using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Winnow.Dedup;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Writers;

namespace Winnow.Bench;

/// <summary>
/// Times each phase of read → exact dedup → write on one thread, over the first N lines of a
/// JSONL file held in memory: where the time of `winnow run` goes.
/// </summary>
internal static class ExactDedupPhases
{
    public static void Run(string path, int lines)
    {
        var records = File.ReadLines(path).Take(lines).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var bytes = records.Sum(r => (long)r.Length);
        var file = new InputFile(path, Path.GetFileName(path), InputKind.Jsonl, bytes);
        var parser = new RecordParser(new ReaderOptions());
        var docs = new Document[records.Length];
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < records.Length; i++)
            {
                docs[i] = parser.Parse(new RawRecord(file, i + 1, 0, records[i].Length, i, null), records[i]).Document!;
            }

            var parse = clock.Elapsed;
            clock.Restart();
            UInt128 sink = 0;
            foreach (var doc in docs)
            {
                sink ^= ExactDedupStage.Hash(doc.Text, default);
            }

            var hash = clock.Elapsed;
            clock.Restart();
            var buffer = new ArrayBufferWriter<byte>(1 << 20);
            using var writer = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions);
            foreach (var doc in docs)
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                DocumentJson.Write(writer, doc);
                writer.Flush();
            }

            var write = clock.Elapsed;
            Report("parse", parse, bytes);
            Report("normalize+hash", hash, bytes);
            Report("serialize", write, bytes);
            Console.WriteLine($"  ({sink.GetHashCode() & 1})");
        }
    }

    private static void Report(string phase, TimeSpan time, long bytes) =>
        Console.WriteLine($"{phase,-16} {time.TotalMilliseconds,8:F0} ms {bytes / 1e6 / time.TotalSeconds,8:F0} MB/s");
}
