namespace Winnow.Pipeline;

/// <summary>Collects stages, then builds an immutable <see cref="WinnowPipeline"/>.</summary>
/// <remarks>Not thread-safe; the pipeline it builds is.</remarks>
public sealed class WinnowPipelineBuilder
{
    private readonly List<Stage> _stages = [];

    /// <summary>Appends a stage; documents meet stages in the order they were added.</summary>
    public WinnowPipelineBuilder Add(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new ArgumentException($"a stage named '{stage.Name}' is already in the pipeline", nameof(stage));
        }

        _stages.Add(stage);
        return this;
    }

    /// <summary>Makes the pipeline.</summary>
    public WinnowPipeline Build() => new([.. _stages]);
}
