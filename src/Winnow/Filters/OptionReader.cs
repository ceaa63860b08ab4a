using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Winnow.Filters;

/// <summary>Reads one stage's options from its YAML mapping, remembering which keys were used so unknown ones are reported with their line.</summary>
internal sealed class OptionReader
{
    private readonly YamlMappingNode _node;
    private readonly string _stage;
    private readonly string _source;
    private readonly HashSet<string> _known = [];

    public OptionReader(YamlMappingNode node, string stage, string source)
    {
        _node = node;
        _stage = stage;
        _source = source;
    }

    /// <summary>The run file's <c>compat:</c>, the default of each stage's own <c>compat</c> option.</summary>
    public FilterCompat DefaultCompat { get; init; }

    /// <summary>The stage's <c>compat</c> option, else the run file's.</summary>
    public FilterCompat Compat() => Read("compat", DefaultCompat, n => ParseCompat(n, _source));

    /// <summary>Reads "papers" or "datatrove".</summary>
    public static FilterCompat ParseCompat(YamlNode node, string source) => node is YamlScalarNode { Value: { } v }
        ? v.ToLowerInvariant() switch
        {
            "papers" => FilterCompat.Papers,
            "datatrove" => FilterCompat.DataTrove,
            _ => throw new FilterConfigException($"{source}:{node.Start.Line}:{node.Start.Column}: compat must be papers or datatrove, not '{v}'"),
        }
        : throw new FilterConfigException($"{source}:{node.Start.Line}:{node.Start.Column}: compat must be papers or datatrove");

    public T Mode<T>(T current)
        where T : struct, Enum => Read("mode", current, n =>
        {
            var text = Scalar(n).Replace("_", string.Empty, StringComparison.Ordinal);
            return Enum.TryParse<T>(text, ignoreCase: true, out var mode) && !int.TryParse(text, out _)
                ? mode
                : throw Error(n, $"mode must be one of {string.Join(", ", Enum.GetNames<T>().Select(x => x.ToLowerInvariant()))}");
        });

    public double? Double(string key, double? current) => Read(key, current, n => IsNull(n) ? null : ParseDouble(n));

    public int? Int(string key, int? current) => Read(key, current, n => IsNull(n) ? null : (int)ParseDouble(n, integer: true));

    public int Int(string key, int current) => Read(key, current, n => (int)ParseDouble(n, integer: true));

    // Every number of a run file is a count, a size or a ratio: none is negative, and a count fits an int.

    public double Double(string key, double current) => Read(key, current, n => ParseDouble(n));

    public bool Bool(string key, bool current) => Read(key, current, n => Scalar(n).ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw Error(n, $"{key} must be true or false"),
    });

    public string? String(string key, string? current) => Read(key, current, n => IsNull(n) ? null : Scalar(n));

    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> current) =>
        Read(key, current, n => n is YamlSequenceNode seq ? [.. seq.Children.Select(Scalar)] : throw Error(n, $"{key} must be a list, e.g. [a, b]"));

    /// <summary>A list of strings, each checked: <paramref name="check"/> returns an error message for a bad one, naming its line and column.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string> current, Func<string, string?> check) =>
        Read(key, current, n =>
        {
            if (n is not YamlSequenceNode seq)
            {
                throw Error(n, $"{key} must be a list, e.g. [a, b]");
            }

            foreach (var item in seq.Children)
            {
                if (check(Scalar(item)) is { } message)
                {
                    throw Error(item, message);
                }
            }

            return [.. seq.Children.Select(Scalar)];
        });

    public IReadOnlyList<double> Doubles(string key, IReadOnlyList<double> current, int count) => Read(key, current, n =>
    {
        var values = n is YamlSequenceNode seq ? seq.Children.Select(c => ParseDouble(c)).ToList() : throw Error(n, $"{key} must be a list of {count} numbers");
        return values.Count == count ? values : throw Error(n, $"{key} must have {count} numbers, not {values.Count}");
    });

    /// <summary>Throws for the first key no option asked for.</summary>
    public void RejectUnknown()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!_known.Contains(name))
            {
                throw Error(key, $"unknown option '{name}' for stage '{_stage}' (known: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
            }
        }
    }

    public FilterConfigException Error(YamlNode node, string message) =>
        new($"{_source}:{node.Start.Line}:{node.Start.Column}: {message}");

    private T Read<T>(string key, T current, Func<YamlNode, T> parse)
    {
        _known.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? parse(value) : current;
    }

    private string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : throw Error(node, "expected a single value");

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" or "off" } scalar
        && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private double ParseDouble(YamlNode node, bool integer = false)
    {
        var text = Scalar(node).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || (integer && value != Math.Floor(value)))
        {
            throw Error(node, $"'{Scalar(node)}' is not {(integer ? "a whole number" : "a number")}");
        }

        if (value < 0 || (integer && value > int.MaxValue) || double.IsInfinity(value))
        {
            throw Error(node, $"'{Scalar(node)}' is out of range: {(integer ? $"a whole number from 0 to {int.MaxValue}" : "a number of 0 or more")}");
        }

        return value;
    }
}
