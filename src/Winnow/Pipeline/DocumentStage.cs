using Winnow.Documents;

namespace Winnow.Pipeline;

/// <summary>
/// A step that looks at one document at a time and needs nothing else: a filter, a cleaner,
/// an extractor. It may change the text, add attributes or remove the document.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="Process"/> is called concurrently for different documents, so it
/// must not mutate shared state. Its result must depend on the document alone, which is what
/// makes the output independent of the thread count.
/// </remarks>
public abstract class DocumentStage : Stage
{
    /// <summary>Processes one document that no earlier stage removed.</summary>
    public abstract void Process(Document document);
}
