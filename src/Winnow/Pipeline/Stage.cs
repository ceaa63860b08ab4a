namespace Winnow.Pipeline;

/// <summary>A step of a pipeline. Use <see cref="DocumentStage"/> or <see cref="CorpusStage"/>.</summary>
public abstract class Stage
{
    private protected Stage()
    {
    }

    /// <summary>The stage's name: used in removal records, attributes and stats (snake_case).</summary>
    public abstract string Name { get; }
}
