namespace Winnow.Synth;

/// <summary>
/// The fixed cast of the corpus: ten invented sites, their authors, and every boilerplate paragraph. It does not
/// depend on the corpus seed, so boilerplate ids mean the same thing in every corpus.
/// </summary>
internal sealed class SynthCatalog
{
    public const int AuthorsPerSite = 12;

    // Invented publication names; the .example domains are reserved and can never resolve to a real site.
    private static readonly (string Name, string Domain)[] SiteNames =
    [
        ("The Harlow Ledger", "harlowledger.example"),
        ("Quillfield Daily", "quillfield.example"),
        ("Brightwater Courier", "brightwatercourier.example"),
        ("Northmere Times", "northmeretimes.example"),
        ("Vantor Report", "vantorreport.example"),
        ("Copperline News", "copperline.example"),
        ("The Ashgrove Standard", "ashgrovestandard.example"),
        ("Tidewell Gazette", "tidewell.example"),
        ("Palisade Wire", "palisadewire.example"),
        ("Marrowby Observer", "marrowby.example"),
    ];

    private readonly List<BoilerplateParagraph> _paragraphs = [];

    private SynthCatalog()
    {
        var words = Vocabulary.Instance.Words;
        var names = Vocabulary.Instance.Names;
        var rng = new SynthRng(0xCA7A1060UL, 0, SynthStream.Catalog);
        var sites = new List<SynthSite>();
        for (int s = 0; s < SiteNames.Length; s++)
        {
            var (name, domain) = SiteNames[s];
            var sections = new string[5];
            for (int k = 0; k < sections.Length; k++)
            {
                sections[k] = Vocabulary.TitleCase(words[rng.Between(40, 400)]);
            }

            int founded = rng.Between(1890, 2004);
            string group = "site:" + domain;
            var header = new List<int> { Add(string.Join(" | ", ["Home", .. sections, "Opinion", "Contact"]), group, "header") };
            header.Add(Add(BoilerplateTemplates.Pick(BoilerplateTemplates.Headers, s, name, domain, sections, founded), group, "header"));
            var footer = new List<int> { Add($"\u00A9 {2024 - (s % 3)} {name}. All rights reserved.", group, "footer") };
            for (int k = 0; k < 3; k++)
            {
                footer.Add(Add(BoilerplateTemplates.Pick(BoilerplateTemplates.Footers, (s * 3) + k, name, domain, sections, founded), group, "footer"));
            }

            sites.Add(new SynthSite(name, domain, sections, [.. header], [.. footer]));
        }

        var authors = new List<SynthAuthor>();
        for (int s = 0; s < sites.Count; s++)
        {
            for (int a = 0; a < AuthorsPerSite; a++)
            {
                string author = names[authors.Count * 2] + " " + names[(authors.Count * 2) + 1];
                string group = "author:" + author;
                string book = Vocabulary.TitleCase(words[rng.Between(100, 2000)]) + " " + Vocabulary.TitleCase(words[rng.Between(100, 3000)]);
                int promos = rng.Between(1, 3);
                int first = rng.NextInt(BoilerplateTemplates.Promos.Length);
                var ids = new int[promos];
                for (int k = 0; k < promos; k++)
                {
                    string template = BoilerplateTemplates.Promos[(first + k) % BoilerplateTemplates.Promos.Length];
                    ids[k] = Add(BoilerplateTemplates.FillPromo(template, author, book, sites[s], words[rng.Between(200, 1500)]), group, "promo");
                }

                sites[s].Authors.Add(authors.Count);
                authors.Add(new SynthAuthor(author, s, ids));
            }
        }

        Sites = [.. sites];
        Authors = [.. authors];
        Paragraphs = [.. _paragraphs];
    }

    public static SynthCatalog Instance { get; } = new();

    public SynthSite[] Sites { get; }

    public SynthAuthor[] Authors { get; }

    /// <summary>Every boilerplate paragraph; the index is the id written to the boilerplate truth file.</summary>
    public BoilerplateParagraph[] Paragraphs { get; }

    private int Add(string text, string group, string role)
    {
        _paragraphs.Add(new BoilerplateParagraph(text, group, role));
        return _paragraphs.Count - 1;
    }
}
