using System.Text.Json;
using Winnow.Pipeline;
using Winnow.Readers;

namespace Winnow.Sharding;

/// <summary>
/// A sharded run's plan, saved as DIR/.winnow/plan.json before any work: the input shards (fixed
/// by the input and the shard size, never by the task count), the steps, and the configuration
/// the run was started with, so that a resumed run, a Slurm task or `winnow status` all see the
/// same plan. <see cref="Build"/> names the Winnow build that made it: units of one run must all
/// come from one build (hashes and formats may change between builds).
/// </summary>
internal sealed record RunPlan(string Config, IReadOnlyList<string> Command, int InputFiles, IReadOnlyList<IReadOnlyList<InputFile>> Shards, IReadOnlyList<PlanStep> Steps)
{
    public const int Version = 2;

    /// <summary>Files of input folders the run does not read (stats.json's skipped_files).</summary>
    public IReadOnlyDictionary<string, SkippedFiles> SkippedFiles { get; init; } = new Dictionary<string, SkippedFiles>();

    /// <summary>What the input selection told the user (stats.json's notes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The build that made the plan (<see cref="WinnowInfo.Build"/>).</summary>
    public string Build { get; init; } = WinnowInfo.Build;

    /// <summary>Null when this build may work on the plan, else what to tell the user.</summary>
    public string? RefusalForThisBuild() => Build == WinnowInfo.Build
        ? null
        : $"the run was planned by winnow {Build} and this is {WinnowInfo.Build}; run it to the end with that build, or start again with --overwrite";

    /// <summary>The resolve step whose decisions a map step applies (it comes just before it).</summary>
    public PlanStep ResolveAppliedBy(PlanStep map) => Steps[map.Index - 1];

    /// <summary>The map step before: the one whose spill a map step replays, or whose observations a resolve step loads.</summary>
    public PlanStep MapBefore(PlanStep step) => Steps[step.Index - (step.Kind == StepKind.Map ? 2 : 1)];

    /// <summary>The map step that applies a resolve step's decisions.</summary>
    public PlanStep MapAfter(PlanStep resolve) => Steps[resolve.Index + 1];

    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteString("build", Build);
            w.WriteString("config", Config);
            w.WriteStartArray("command");
            foreach (var arg in Command)
            {
                w.WriteStringValue(arg);
            }

            w.WriteEndArray();
            w.WriteNumber("input_files", InputFiles);
            w.WriteStartArray("shards");
            foreach (var shard in Shards)
            {
                w.WriteStartArray();
                foreach (var file in shard)
                {
                    w.WriteStartObject();
                    w.WriteString("path", file.Path);
                    w.WriteString("name", file.Name);
                    w.WriteString("kind", file.Kind.ToString());
                    w.WriteNumber("length", file.Length);
                    w.WriteNumber("start", file.SliceStart);
                    w.WriteNumber("end", file.SliceEnd);
                    w.WriteNumber("first_line", file.FirstLine);
                    w.WriteNumber("mtime_s", file.Modified.Seconds);
                    w.WriteNumber("mtime_ns", file.Modified.Nanoseconds);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            Readers.SkippedFiles.WriteJson(w, SkippedFiles);
            w.WriteStartArray("notes");
            foreach (var note in Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var step in Steps)
            {
                w.WriteStartObject();
                w.WriteString("name", step.Name);
                w.WriteString("kind", step.Kind.ToString());
                w.WriteNumber("units", step.Units);
                w.WriteNumber("applies", step.Applies);
                w.WriteNumber("first_stage", step.FirstStage);
                w.WriteNumber("end_stage", step.EndStage);
                w.WriteNumber("observes", step.Observes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }

    public static RunPlan Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        if (root.GetProperty("version").GetInt32() != Version)
        {
            throw new InvalidDataException($"{path}: a plan of another Winnow version; start the run again with --overwrite");
        }

        var shards = root.GetProperty("shards").EnumerateArray().Select(shard => (IReadOnlyList<InputFile>)shard.EnumerateArray()
            .Select(f => new InputFile(f.GetProperty("path").GetString()!, f.GetProperty("name").GetString()!, Enum.Parse<InputKind>(f.GetProperty("kind").GetString()!), f.GetProperty("length").GetInt64())
            {
                SliceStart = f.GetProperty("start").GetInt64(),
                SliceEnd = f.GetProperty("end").GetInt64(),
                FirstLine = f.GetProperty("first_line").GetInt64(),
                Modified = (f.GetProperty("mtime_s").GetInt64(), f.GetProperty("mtime_ns").GetInt64()),
            }).ToList()).ToList();
        var steps = root.GetProperty("steps").EnumerateArray().Select((s, i) => new PlanStep(
            i, Enum.Parse<StepKind>(s.GetProperty("kind").GetString()!), s.GetProperty("name").GetString()!, s.GetProperty("units").GetInt32(),
            s.GetProperty("applies").GetInt32(), s.GetProperty("first_stage").GetInt32(), s.GetProperty("end_stage").GetInt32(), s.GetProperty("observes").GetInt32())).ToList();
        return new RunPlan(
            root.GetProperty("config").GetString()!,
            root.GetProperty("command").EnumerateArray().Select(a => a.GetString()!).ToList(),
            root.GetProperty("input_files").GetInt32(),
            shards,
            steps)
        {
            Build = root.TryGetProperty("build", out var build) ? build.GetString() ?? "" : "",
            SkippedFiles = Readers.SkippedFiles.ReadJson(root.GetProperty("skipped_files")),
            Notes = [.. root.GetProperty("notes").EnumerateArray().Select(e => e.GetString()!)],
        };
    }
}
