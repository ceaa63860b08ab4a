namespace Winnow.Pii;

/// <summary>Options of <see cref="PiiStage"/>.</summary>
public readonly record struct PiiOptions
{
    /// <summary>Creates the options: redact every kind.</summary>
    public PiiOptions()
    {
    }

    /// <summary>Redact (default) or annotate.</summary>
    public PiiMode Mode { get; init; } = PiiMode.Redact;

    /// <summary>Which kinds to look for (default all).</summary>
    public PiiKind Kinds { get; init; } = PiiKind.All;
}
