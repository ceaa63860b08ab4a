using System.Text.Json.Nodes;
using Winnow.Readers;

namespace Winnow.Tests.Support;

/// <summary>What the input reader gives for each record of a file, before any stage: the record's JSON, or a rejection.</summary>
internal static class ReaderRecords
{
    /// <summary>Each record of <paramref name="path"/>: the row's JSON, or the rejection's reason and message.</summary>
    public static List<(JsonObject? Row, string? Reason, string? Message)> Read(string path)
    {
        var files = InputSet.Expand([path]).Files;
        var reader = new InputReader(files, new ReaderOptions());
        var records = new List<(JsonObject?, string?, string?)>();
        foreach (var batch in reader.ReadBatches(CancellationToken.None))
        {
            using (batch)
            {
                foreach (var record in batch.Records)
                {
                    records.Add(record.Rejection is { } r
                        ? (null, r.Reason, r.Message)
                        : (JsonNode.Parse(batch.Bytes(record))!.AsObject(), null, null));
                }
            }
        }

        return records;
    }

    /// <summary>Asserts that <paramref name="records"/> (of the file <paramref name="name"/>) are not none, and each a row or a rejection with a one-line message.</summary>
    public static void AssertRowsOrOneLineRejections(string name, List<(JsonObject? Row, string? Reason, string? Message)> records)
    {
        Assert.NotEmpty(records);
        foreach (var (row, reason, message) in records)
        {
            Assert.True(row is not null || (reason is not null && message is { Length: > 0 } && !message.Contains('\n')), name);
        }
    }
}
