namespace Winnow.Stats;

/// <summary>What one stage saw and removed.</summary>
public sealed class StageTally
{
    internal StageTally(string name) => Name = name;

    /// <summary>The stage's name.</summary>
    public string Name { get; }

    /// <summary>Documents that reached the stage.</summary>
    public Tally In { get; internal set; }

    /// <summary>Documents the stage removed.</summary>
    public Tally Removed { get; internal set; }

    /// <summary>What the stage had to say of its run (near dedup: clusters, pairs, layout), or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Details { get; internal set; }
}
