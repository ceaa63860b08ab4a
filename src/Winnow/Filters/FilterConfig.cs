using Winnow.Pii;
using Winnow.Pipeline;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Winnow.Filters;

/// <summary>
/// Builds the filter, language and PII stages from the <c>filters:</c> section of a YAML run file
/// (docs/run-file.md): a list of one-key mappings, stage name → options, run in the listed order.
/// Unknown stages, unknown options and bad values are errors naming the file, line and column.
/// </summary>
/// <remarks>Thread-safe: static and stateless.</remarks>
public static class FilterConfig
{
    /// <summary>Top-level sections a run file may hold; <c>compat</c> and <c>filters</c> are read here.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["compat", "filters", "input", "output", "extract", "dedup", "near_dedup", "boilerplate", "reuse"];

    /// <summary>The stage names a <c>filters:</c> list accepts.</summary>
    public static IReadOnlyList<string> StageNames { get; } = ["chrome", "gopher_repetition", "gopher_quality", "c4", "fineweb", "language", "pii"];

    /// <summary>
    /// The stages `winnow run` uses without a run file: the FineWeb recipe (Gopher repetition,
    /// Gopher quality, C4 with lines kept whatever their end punctuation, as FineWeb ran it, then
    /// FineWeb's rules), all removing, then PII redaction. Language identification is left out: it
    /// needs the profiles package and a choice of languages. <paramref name="compat"/> chooses whose
    /// counting rules the filters follow.
    /// </summary>
    public static IReadOnlyList<Stage> Default(FilterCompat compat = FilterCompat.Papers) =>
    [
        new GopherRepetitionFilter(new GopherRepetitionOptions { Compat = compat }),
        new GopherQualityFilter(new GopherQualityOptions { Compat = compat }),
        new C4Filter(new C4Options { DropLinesWithoutTerminalPunctuation = false, Compat = compat }),
        new FineWebFilter(new FineWebOptions { Compat = compat }),
        new PiiStage(),
    ];

    /// <summary>Reads the stages from a run file; <paramref name="compat"/>, when given, overrides its <c>compat:</c>.</summary>
    /// <exception cref="FilterConfigException">The file is not a valid run file.</exception>
    public static IReadOnlyList<Stage> Load(string path, FilterCompat? compat = null) => Parse(File.ReadAllText(path), path, compat);

    /// <summary>
    /// Reads the stages from run-file text; <paramref name="source"/> names it in errors;
    /// <paramref name="compat"/>, when given, overrides the text's <c>compat:</c>.
    /// </summary>
    /// <exception cref="FilterConfigException">The text is not a valid run file.</exception>
    public static IReadOnlyList<Stage> Parse(string yaml, string source = "run file", FilterCompat? compat = null)
    {
        var stream = new YamlStream();
        try
        {
            CheckDepth(yaml, source);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FilterConfigException($"{source}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FilterConfigException($"{source}:{stream.Documents[0].RootNode.Start.Line}: a run file is a mapping of sections, e.g. 'filters:'");
        }

        var stages = new List<Stage>();
        foreach (var (key, value) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value;
            if (name is null || !Sections.Contains(name))
            {
                throw new FilterConfigException($"{source}:{key.Start.Line}:{key.Start.Column}: unknown section '{name}' (known: {string.Join(", ", Sections)})");
            }

            if (name == "compat")
            {
                var read = OptionReader.ParseCompat(value, source);
                compat ??= read;
            }
        }

        foreach (var (key, value) in root.Children)
        {
            if (((YamlScalarNode)key).Value == "filters")
            {
                ReadFilters(value, source, compat ?? FilterCompat.Papers, stages);
            }
        }

        return stages;
    }

    // A run file is a few levels deep; the YAML loader recurses once per level and would exhaust
    // the stack on a hostile file nested tens of thousands deep, so the depth is checked first by
    // the streaming parser, which keeps no stack of its own per level.
    private const int MaxDepth = 64;

    private static void CheckDepth(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new FilterConfigException($"{source}:{parser.Current.Start.Line}:{parser.Current.Start.Column}: nested more than {MaxDepth} levels deep; a run file is a few levels deep");
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static void ReadFilters(YamlNode node, string source, FilterCompat compat, List<Stage> stages)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (node is not YamlSequenceNode list)
        {
            throw new FilterConfigException($"{source}:{node.Start.Line}: 'filters' is a list of stages, e.g. '- gopher_quality: {{}}'");
        }

        foreach (var item in list.Children)
        {
            var (name, options) = item switch
            {
                YamlScalarNode { Value: { } n } => (n, new YamlMappingNode()),
                YamlMappingNode { Children.Count: 1 } m when m.Children.First().Value is YamlMappingNode o => (((YamlScalarNode)m.Children.First().Key).Value!, o),
                YamlMappingNode { Children.Count: 1 } m when m.Children.First().Value is YamlScalarNode { Value: null or "" } => (((YamlScalarNode)m.Children.First().Key).Value!, new YamlMappingNode()),
                _ => throw new FilterConfigException($"{source}:{item.Start.Line}: each filter is 'name' or 'name: {{options}}'"),
            };
            var reader = new OptionReader(options, name, source) { DefaultCompat = compat };
            try
            {
                stages.Add(StageOptions.Build(name, reader) ?? throw new FilterConfigException(
                    $"{source}:{item.Start.Line}:{item.Start.Column}: unknown stage '{name}' (known: {string.Join(", ", StageNames)})"));
            }
            catch (Exception e) when (e is FileNotFoundException or ArgumentException)
            {
                throw new FilterConfigException($"{source}:{item.Start.Line}:{item.Start.Column}: {name}: {e.Message}", e);
            }

            reader.RejectUnknown();
        }
    }
}
