using System.Text.Json;
using Winnow.Synth;

namespace Winnow.Tests.Synth;

/// <summary>One mid-sized corpus shared by the truth tests, generated into a temporary folder.</summary>
public sealed class SynthCorpusFixture : IDisposable
{
    public SynthCorpusFixture()
    {
        Folder = Directory.CreateTempSubdirectory("winnow-synth-").FullName;
        Summary = SyntheticCorpus.Generate(new SynthOptions { Docs = 3000, Seed = 7 }, Path.Combine(Folder, "corpus.jsonl"));
        Docs = ReadLines(Summary.DocsPath);
        Truth = ReadLines(Summary.TruthPath);
        Passages = ReadLines(Summary.PassagesPath);
        Boilerplate = ReadLines(Summary.BoilerplatePath);
        Text = Docs.ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
    }

    public string Folder { get; }

    public SynthSummary Summary { get; }

    public IReadOnlyList<JsonElement> Docs { get; }

    public IReadOnlyList<JsonElement> Truth { get; }

    public IReadOnlyList<JsonElement> Passages { get; }

    public IReadOnlyList<JsonElement> Boilerplate { get; }

    /// <summary>Document text by id.</summary>
    public IReadOnlyDictionary<string, string> Text { get; }

    public static List<JsonElement> ReadLines(string path) => ReadLines(File.OpenRead(path));

    public static List<JsonElement> ReadLines(Stream stream)
    {
        using var reader = new StreamReader(stream);
        var lines = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        return lines;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
