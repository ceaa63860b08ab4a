using System.Globalization;
using System.Text.Json.Nodes;
using Winnow.Documents;

namespace Winnow.Filters;

/// <summary>
/// Collects one filter's verdict on one document: the first rule that fired (the removal reason) and,
/// when annotating, every measured value.
/// </summary>
internal ref struct RuleCheck
{
    private readonly Document _document;
    private readonly string _stage;
    private readonly bool _annotate;
    private JsonArray? _fired;
    private string? _reason;
    private string? _detail;

    public RuleCheck(Document document, string stage, FilterMode mode)
    {
        _document = document;
        _stage = stage;
        _annotate = mode == FilterMode.Annotate;
    }

    /// <summary>True while measuring more is useful: nothing fired yet, or every value is wanted.</summary>
    public readonly bool Open => _reason is null || _annotate;

    /// <summary>The reason of the first rule that fired, e.g. "gopher_quality.word_count".</summary>
    public readonly string? Reason => _reason;

    /// <summary>The measured value and threshold of the first rule that fired.</summary>
    public readonly string? Detail => _detail;

    /// <summary>Fires when <paramref name="value"/> is below <paramref name="min"/>; null disables.</summary>
    public void AtLeast(string rule, double value, double? min)
    {
        Record(rule, value);
        if (min is { } m && value < m)
        {
            Fire(rule, $"{rule}={Format(value)} below minimum {Format(m)}");
        }
    }

    /// <summary>Fires when <paramref name="value"/> is above <paramref name="max"/>; null disables.</summary>
    public void AtMost(string rule, double value, double? max)
    {
        Record(rule, value);
        if (max is { } m && value > m)
        {
            Fire(rule, $"{rule}={Format(value)} above maximum {Format(m)}");
        }
    }

    /// <summary>Fires when <paramref name="fired"/>; <paramref name="detail"/> says what was found.</summary>
    public void Flag(string rule, bool fired, string detail)
    {
        if (_annotate)
        {
            _document.SetAttribute(_stage, rule, fired);
        }

        if (fired)
        {
            Fire(rule, detail);
        }
    }

    /// <summary>Records a measured value that no rule of this check compares (annotate mode only).</summary>
    public void Record(string name, double value)
    {
        if (_annotate && double.IsFinite(value))
        {
            _document.SetAttribute(_stage, name, Math.Round(value, 4));
        }
    }

    /// <summary>Removes the document, or marks the annotation with the rules that would fire.</summary>
    public readonly void Apply()
    {
        if (!_annotate)
        {
            if (_reason is not null)
            {
                _document.Remove(new Removal(_stage, _reason, Detail: _detail));
            }
        }
        else if (_fired is not null)
        {
            _document.SetAttribute(_stage, "would_remove", _reason);
            _document.SetAttribute(_stage, "fired", _fired);
        }
    }

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private void Fire(string rule, string detail)
    {
        var reason = _stage + "." + rule;
        if (_reason is null)
        {
            _reason = reason;
            _detail = detail;
        }

        if (_annotate)
        {
            (_fired ??= []).Add((JsonNode)JsonValue.Create(reason));
        }
    }
}
