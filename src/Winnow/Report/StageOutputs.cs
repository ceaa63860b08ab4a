using System.Text.Json;

namespace Winnow.Report;

/// <summary>
/// Tolerant readers of the optional stage outputs: clusters.jsonl, boilerplate.jsonl and
/// reuse.jsonl. Unknown fields are ignored; a line that does not parse is counted and skipped.
/// </summary>
/// <remarks>Field names relied on are listed in docs/report.md. Stateless; thread-safe.</remarks>
internal static class StageOutputs
{
    /// <summary>clusters.jsonl: <c>cluster</c>, <c>kept</c>, <c>size</c>, <c>members[{id, similarity}]</c>.</summary>
    public static ClusterEntry? Cluster(JsonElement e, int maxMembers)
    {
        if (!e.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var kept = Str(e, "kept") ?? Str(e, "kept_id") ?? "";
        var list = new List<ClusterMemberEntry>();
        foreach (var m in members.EnumerateArray())
        {
            var id = Str(m, "id");
            if (id is not null && id == kept)
            {
                list.Insert(0, new ClusterMemberEntry(id, 1, true));
            }
            else if (id is not null)
            {
                list.Add(new ClusterMemberEntry(id, Num(m, "similarity", double.NaN), false));
            }
        }

        var size = (long)Num(e, "size", list.Count);
        if (list.Count > maxMembers)
        {
            list.RemoveRange(maxMembers, list.Count - maxMembers);
        }

        var id0 = e.TryGetProperty("cluster", out var c) ? c.ToString() : (e.TryGetProperty("id", out var i) ? i.ToString() : kept);
        return new ClusterEntry("near:" + id0, "near", kept, size, list);
    }

    /// <summary>boilerplate.jsonl: <c>text</c>, <c>kind</c>, <c>docs</c>, <c>groups[{group, docs}]</c>, <c>examples[]</c>.</summary>
    public static BoilerplateEntry? Boilerplate(JsonElement e, int maxChars)
    {
        var text = Str(e, "text");
        if (text is null)
        {
            return null;
        }

        var groups = new List<(string, long)>();
        if (e.TryGetProperty("groups", out var g) && g.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in g.EnumerateArray().Take(20))
            {
                groups.Add((Str(x, "group") ?? "", (long)Num(x, "docs", 0)));
            }
        }

        var examples = new List<string>();
        if (e.TryGetProperty("examples", out var ex) && ex.ValueKind == JsonValueKind.Array)
        {
            examples.AddRange(ex.EnumerateArray().Take(10).Select(x => x.ToString()));
        }

        var docs = (long)Num(e, "docs", Num(e, "count", 0));
        return new BoilerplateEntry(text[..DocFields.Cut(text, maxChars)], Str(e, "kind"), docs, groups, examples);
    }

    /// <summary>reuse.jsonl: <c>a</c>, <c>b</c>, <c>a_start</c>, <c>a_end</c>, <c>b_start</c>, <c>b_end</c>, <c>matched_words</c>, <c>similarity</c>.</summary>
    public static ReuseEntry? Reuse(JsonElement e)
    {
        var a = Str(e, "a");
        var b = Str(e, "b");
        if (a is null || b is null)
        {
            return null;
        }

        return new ReuseEntry
        {
            A = a,
            B = b,
            AStart = (int)Num(e, "a_start", 0),
            AEnd = (int)Num(e, "a_end", 0),
            BStart = (int)Num(e, "b_start", 0),
            BEnd = (int)Num(e, "b_end", 0),
            MatchedWords = (long)Num(e, "matched_words", Num(e, "words", 0)),
            Similarity = Num(e, "similarity", double.NaN),
        };
    }

    /// <summary>Parses each line of <paramref name="path"/>; returns the number of lines that did not parse.</summary>
    public static long ForEach(string path, Action<JsonElement> action)
    {
        long bad = 0;
        JsonlLines.ForEach(path, line =>
        {
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    action(doc.RootElement);
                    return;
                }
            }
            catch (JsonException)
            {
            }

            bad++;
        });
        return bad;
    }

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static double Num(JsonElement e, string name, double fallback) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;
}
