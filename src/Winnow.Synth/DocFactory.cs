namespace Winnow.Synth;

/// <summary>
/// Produces document <c>i</c> and its truth from (seed, i) alone, regenerating whatever originals it derives from.
/// One instance per worker thread: it owns reusable models and buffers and is not thread-safe.
/// </summary>
internal sealed class DocFactory
{
    private readonly SynthOptions _options;
    private readonly DocPlanner _planner;
    private readonly DocModel[] _models = [new(), new(), new()];
    private readonly RenderedText _text = new();
    private readonly RenderedText _original = new();
    private readonly RenderedText _title = new();
    private readonly RenderedText _url = new();
    private readonly List<(int Start, int End, int Run)> _sentences = [];
    private readonly List<SynthBlock> _content = [];
    private readonly ShingleTable _shingles = new();
    private int _passageBlock;

    public DocFactory(SynthOptions options)
    {
        _options = options;
        _planner = new DocPlanner(options);
    }

    public void Generate(long index, ChunkOutput output)
    {
        var plan = _planner.Plan(index);
        var truth = new DocTruth { Kind = plan.Kind, Base = plan.Base, Jaccard = 1.0 };
        DocModel doc;
        RenderedText text;
        if (plan.Kind == DocKind.Original)
        {
            doc = _models[0];
            BuildOriginal(index, plan, 0, ref truth.Passage);
            TextRenderer.Render(doc, _text);
            text = _text;
            if (plan.PassageSource >= 0)
            {
                truth.HasPassage = true;
                truth.Passage.TargetStart = text.BlockStart(_passageBlock);
                truth.Passage.TargetEnd = text.BlockEnd(_passageBlock);
                truth.Passage.Words = ShingleJaccard.CountWords(text.Text[truth.Passage.TargetStart..truth.Passage.TargetEnd]);
            }
        }
        else
        {
            var ignored = default(PassageTruth);
            BuildOriginal(plan.Base, _planner.Plan(plan.Base), 1, ref ignored);
            TextRenderer.Render(_models[1], _original);
            var rng = new SynthRng(_options.Seed, index, SynthStream.Edits);
            doc = _models[0];
            text = _text;
            switch (plan.Kind)
            {
                case DocKind.ExactCopy:
                    doc = _models[1];
                    text = _original;
                    break;
                case DocKind.NearCopy:
                    doc.CopyFrom(_models[1]);
                    truth.CharEdits = CopyEditor.TouchUp(doc, plan.NearEdits, ref rng);
                    TextRenderer.Render(doc, _text);
                    break;
                default:
                    CopyEditor.Derive(_models[1], plan, doc, _content, ref rng, ref truth);
                    TextRenderer.Render(doc, _text);
                    break;
            }

            if (plan.Kind != DocKind.ExactCopy)
            {
                truth.Jaccard = ShingleJaccard.Jaccard(_original.Text, text.Text, _shingles);
            }
        }

        foreach (ref readonly var block in doc.Blocks)
        {
            if (block.IsBoilerplate)
            {
                output.Boilerplate[block.Boilerplate]++;
            }
        }

        output.Kinds[(int)plan.Kind]++;
        output.TextChars += text.Length;
        TextRenderer.RenderTitle(doc, _title);
        UrlBuilder.Build(_url, doc, _title.Text, plan, index);
        DocJson.WriteDoc(output.Docs, index, text.Text, _url.Text, doc, _title.Text);
        DocJson.WriteTruth(output.Truth, index, truth, doc.Site);
        if (truth.HasPassage)
        {
            DocJson.WritePassage(output.Passages, index, truth.Passage);
            output.PassageCount++;
        }
    }

    /// <summary>
    /// Original article <paramref name="index"/> into model <paramref name="depth"/>. Depth 0 is the document being
    /// written, whose passage source is built in full so its offsets are known; deeper levels need only the
    /// source's tokens, which keeps the regeneration chain at most three articles long.
    /// </summary>
    private void BuildOriginal(long index, in DocPlan plan, int depth, ref PassageTruth passage)
    {
        var model = _models[depth];
        ArticleComposer.Compose(_options.Seed, index, _options.PromoRate, model);
        if (plan.PassageSource < 0)
        {
            return;
        }

        var sourcePlan = _planner.Plan(plan.PassageSource);
        var source = _models[depth + 1];
        if (depth == 0)
        {
            var ignored = default(PassageTruth);
            BuildOriginal(plan.PassageSource, sourcePlan, 1, ref ignored);
        }
        else
        {
            ArticleComposer.Compose(_options.Seed, plan.PassageSource, _options.PromoRate, source);
        }

        var span = PassageInjector.SelectSpan(source, PassageInjector.InsertAfter(sourcePlan, source), plan, _sentences);
        var rng = new SynthRng(_options.Seed, index, SynthStream.Edits);
        passage.Source = plan.PassageSource;
        passage.EditRate = plan.PassageEditRate;
        _passageBlock = PassageInjector.Inject(model, source, span, plan, ref rng, ref passage);
        if (depth == 0)
        {
            TextRenderer.Render(source, _original);
            passage.SourceStart = _original.TokenStart(span.First);
            passage.SourceEnd = _original.TokenEnd(span.Last);
        }
    }
}
