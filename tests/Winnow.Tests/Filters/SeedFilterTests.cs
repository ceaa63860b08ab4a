using Winnow.Filters;
using Winnow.Pipeline;
using Winnow.Tests.Support;
using static Winnow.Tests.Filters.FilterDocs;

namespace Winnow.Tests.Filters;

public class SeedFilterTests
{
    /// <summary>The page's title line appears twice: 1.3% of its characters, above FineWeb's published 1%.</summary>
    [SharedDataFact("seeds/000_974ea736afd95f53.txt")]
    public void DefaultChainRemovesTheFirstSeedForItsRepeatedTitle()
    {
        var doc = Doc(File.ReadAllText(SharedData.File("seeds", "000_974ea736afd95f53.txt")!));
        foreach (var stage in FilterConfig.Default().Cast<DocumentStage>())
        {
            if (!doc.IsRemoved)
            {
                stage.Process(doc);
            }
        }

        Assert.Equal("fineweb.duplicate_line_char_ratio", doc.Removal?.Reason);
        Assert.Equal("duplicate_line_char_ratio=0.0132 above maximum 0.01", doc.Removal!.Detail);
    }
}
