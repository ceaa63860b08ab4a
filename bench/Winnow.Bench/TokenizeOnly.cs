using Winnow.Documents;
using Winnow.Filters;
using Winnow.Pipeline;

namespace Winnow.Bench;

/// <summary>Only the lines-and-words split every filter shares, to see its share of the chain's cost.</summary>
internal sealed class TokenizeOnly : DocumentStage
{
    public override string Name => "tokenize (shared)";

    public override void Process(Document document) => TextStatistics.For(document.Text);
}
