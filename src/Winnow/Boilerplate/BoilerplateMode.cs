namespace Winnow.Boilerplate;

/// <summary>What <see cref="BoilerplateStage"/> does with a flagged paragraph or line.</summary>
public enum BoilerplateMode
{
    /// <summary>Cut it from the document's text; the cut spans are recorded in attributes.</summary>
    Remove,

    /// <summary>Leave the text alone; record the spans in attributes.</summary>
    Annotate,
}
