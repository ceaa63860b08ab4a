namespace Winnow.Pipeline;

/// <summary>A step of a pipeline. Use <see cref="DocumentStage"/> or <see cref="CorpusStage"/>.</summary>
public abstract class Stage
{
    private protected Stage()
    {
    }

    /// <summary>The stage's name: used in removal records, attributes and stats (snake_case).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether the stage may change a document's text (extraction, cleaning, redaction, boilerplate
    /// removal). When no stage after a pass does, the pass counts its survivors' tokens at once, while
    /// their text is decoded, and the spill carries the counts. True unless a stage says otherwise.
    /// </summary>
    internal virtual bool EditsText => true;
}
