using System.Text.Encodings.Web;
using System.Text.Json;
using Winnow.Pipeline;
using Winnow.Writers;

namespace Winnow.NearDedup;

/// <summary>
/// Writes clusters.jsonl: one line per cluster in cluster-id order,
/// <c>{"cluster":ID,"kept":"KEPT_ID","size":N,"members":[{"id":..,"ordinal":..,"similarity":..},..]}</c>,
/// members in input order, the kept one with similarity 1.
/// </summary>
/// <remarks>Thread-safety: stateless.</remarks>
internal static class ClustersWriter
{
    public const string FileName = RunFiles.Clusters;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(string path, IEnumerable<NearDuplicateCluster> clusters)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        using var lines = new JsonLineWriter(stream, Options);
        var writer = lines.Json;
        foreach (var cluster in clusters.OrderBy(c => c.Id))
        {
            writer.WriteStartObject();
            writer.WriteNumber("cluster"u8, cluster.Id);
            writer.WriteString("kept"u8, cluster.KeptId);
            writer.WriteNumber("size"u8, cluster.Members.Count);
            writer.WriteStartArray("members"u8);
            foreach (var member in cluster.Members)
            {
                writer.WriteStartObject();
                writer.WriteString("id"u8, member.Id);
                writer.WriteNumber("ordinal"u8, member.Ordinal);
                writer.WriteNumber("similarity"u8, Math.Round(member.Similarity, 6));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            lines.EndLine();
        }
    }
}
