using System.Text.Json.Nodes;
using Winnow.Text;

namespace Winnow.Documents;

/// <summary>
/// One document flowing through a pipeline: its text, where it came from, the metadata it arrived
/// with and the attributes stages add.
/// </summary>
/// <remarks>
/// Not thread-safe: a document belongs to one stage call at a time. The runner guarantees that.
/// </remarks>
public sealed class Document
{
    private List<MetadataField>? _metadata;
    private string? _text;
    private bool? _textIsNfc; // once checked (TextIsNfc); null again when the text changes
    private JsonObject? _attributes;
    private string? _url;
    private string _contentType = ContentTypes.PlainText;
    private DocumentSource _source;

    // A record read back with only its first members parsed (see Deferred): the parser of the
    // rest, run once, when anything beyond id, ordinal, size and tokens is first asked for.
    private Action<Document>? _parseRest;

    /// <summary>Creates a document.</summary>
    public Document(string id, string text, DocumentSource source, long ordinal, long inputBytes)
    {
        Id = id;
        _text = text;
        _source = source;
        Ordinal = ordinal;
        InputBytes = inputBytes;
    }

    /// <summary>
    /// A document whose text stays a JSON string token (quotes included) until a stage reads it: a
    /// replayed spill record whose text no later stage reads is written back without ever being
    /// decoded. The token must be valid JSON (one we wrote) and outlive the document's use.
    /// </summary>
    internal static Document WithJsonText(string id, ReadOnlyMemory<byte> textJson, DocumentSource source, long ordinal, long inputBytes)
    {
        var document = new Document(id, null!, source, ordinal, inputBytes);
        document.RawTextJson = textJson;
        return document;
    }

    /// <summary>
    /// A document read back from a record of our own of which only the first members were parsed:
    /// <paramref name="parseRest"/> fills in the rest (<see cref="RestoreRest"/>) when a stage or a
    /// writer first asks for any of it. <paramref name="unchanged"/>: the record's members from
    /// "id" to its closing brace, kept in <see cref="UnchangedRecord"/> until the document changes.
    /// </summary>
    internal static Document Deferred(string id, long ordinal, long inputBytes, ReadOnlyMemory<byte> unchanged, Action<Document> parseRest)
    {
        var document = new Document(id, null!, default, ordinal, inputBytes);
        document._parseRest = parseRest;
        document.UnchangedRecord = unchanged;
        return document;
    }

    /// <summary>What <see cref="Deferred"/>'s parser found in the rest of the record.</summary>
    internal void RestoreRest(ReadOnlyMemory<byte> textJson, string? url, string contentType, DocumentSource source, List<MetadataField>? metadata, JsonObject? attributes)
    {
        RawTextJson = textJson;
        _url = url;
        _contentType = contentType;
        _source = source;
        _metadata = metadata;
        _attributes = attributes;
    }

    /// <summary>
    /// The members of the record this document was read back from (a spill's), from "id" to the
    /// closing brace, while nothing written of the document has changed since: "{" and these bytes
    /// are then the record <c>DocumentJson.Write</c> would write, and writing it is a copy. Empty
    /// otherwise. Points into the reader's batch buffer, like <see cref="RawTextJson"/>.
    /// </summary>
    internal ReadOnlyMemory<byte> UnchangedRecord { get; private set; }

    private void ParseRest()
    {
        if (_parseRest is { } parse)
        {
            _parseRest = null;
            parse(this);
        }
    }

    /// <summary>The document's id: from the input, or "file:line" when the input has none.</summary>
    public string Id { get; }

    /// <summary>The text; stages that clean or redact replace it.</summary>
    public string Text
    {
        get
        {
            ParseRest();
            return _text ??= RawTextJson.IsEmpty ? "" : JsonSpans.DecodeString(RawTextJson.Span);
        }

        set
        {
            ParseRest();
            if (!ReferenceEquals(value, _text))
            {
                _text = value;
                _textIsNfc = null;
                RawTextJson = default;
                TokensCounted = false;
                UnchangedRecord = default;
            }
        }
    }

    /// <summary>
    /// The text's JSON string token as read (quotes included), while the text is unchanged:
    /// writing it back saves escaping the text again. Points into the reader's batch buffer, so
    /// it is valid only until that batch is written.
    /// </summary>
    internal ReadOnlyMemory<byte> RawTextJson
    {
        get
        {
            ParseRest();
            return field;
        }

        private set;
    }

    /// <summary>
    /// Whether <see cref="Text"/> is in NFC, checked once per text: exact dedup and near dedup both
    /// normalize to NFC, and each check is a scan of the whole text. Not thread-safe, like the document.
    /// </summary>
    internal bool TextIsNfc => _textIsNfc ??= NfcQuickCheck.IsNfc(Text);

    /// <summary>Whether <see cref="Text"/> is a string already (else it is decoded from <see cref="RawTextJson"/> when read).</summary>
    internal bool IsTextDecoded => _text is not null;

    /// <summary>
    /// For a removed document: the pass of a single-process run in which it was removed (its map
    /// step), which orders removed/ the same way in every run, sharded or not.
    /// </summary>
    internal int RemovalPass { get; set; }

    internal void SetRawTextJson(ReadOnlyMemory<byte> raw) => RawTextJson = raw;

    /// <summary>The page's URL, when known.</summary>
    public string? Url
    {
        get
        {
            ParseRest();
            return _url;
        }

        set
        {
            ParseRest();
            _url = value;
            UnchangedRecord = default;
        }
    }

    /// <summary>What kind of text this is: "text/plain", "text/markdown" or "text/html".</summary>
    public string ContentType
    {
        get
        {
            ParseRest();
            return _contentType;
        }

        set
        {
            ParseRest();
            _contentType = value;
            UnchangedRecord = default;
        }
    }

    /// <summary>Where the document came from.</summary>
    public DocumentSource Source
    {
        get
        {
            ParseRest();
            return _source;
        }
    }

    /// <summary>Position in the run's input order; every order-dependent decision uses it.</summary>
    public long Ordinal { get; }

    /// <summary>Size of the input record in bytes; stats account in these units.</summary>
    public long InputBytes { get; }

    /// <summary>Tokens of the text as written, when the run counts them (<c>--tokenizer</c>); else 0.</summary>
    public long Tokens
    {
        get;
        internal set
        {
            field = value;
            TokensCounted = true;
        }
    }

    /// <summary>Whether <see cref="Tokens"/> is the count of the current text (a new text must be counted again).</summary>
    internal bool TokensCounted { get; private set; }

    /// <summary>Why the document was removed, or null while it is kept.</summary>
    public Removal? Removal { get; private set; }

    /// <summary>True once a stage removed the document.</summary>
    public bool IsRemoved => Removal is not null;

    /// <summary>Metadata fields carried over from the input, as raw JSON, in input order.</summary>
    public IReadOnlyList<MetadataField> Metadata
    {
        get
        {
            ParseRest();
            return (IReadOnlyList<MetadataField>?)_metadata ?? [];
        }
    }

    /// <summary>Annotations added by stages, keyed by stage name; null until one is added.</summary>
    /// <remarks>The object can be changed through this property, so asking for it ends <see cref="UnchangedRecord"/>.</remarks>
    public JsonObject? Attributes
    {
        get
        {
            ParseRest();
            UnchangedRecord = default;
            return _attributes;
        }
    }

    /// <summary>Marks the document removed; the first removal wins, later ones are ignored.</summary>
    public void Remove(Removal removal) => Removal ??= removal;

    /// <summary>Adds a metadata field (raw JSON value).</summary>
    public void AddMetadata(MetadataField field)
    {
        ParseRest();
        UnchangedRecord = default;
        (_metadata ??= []).Add(field);
    }

    /// <summary>The value of a string metadata field, or null.</summary>
    public string? GetMetadataString(string name)
    {
        ParseRest();
        if (_metadata is null)
        {
            return null;
        }

        foreach (var field in _metadata)
        {
            if (field.Name == name)
            {
                return field.AsString();
            }
        }

        return null;
    }

    /// <summary>Restores attributes read back from a spill file.</summary>
    internal void RestoreAttributes(JsonObject attributes)
    {
        ParseRest();
        _attributes = attributes;
    }

    /// <summary>Sets one attribute under a stage's name, e.g. ("pii", "emails", 2).</summary>
    public void SetAttribute(string stage, string name, JsonNode? value)
    {
        ParseRest();
        UnchangedRecord = default;
        _attributes ??= [];
        if (_attributes[stage] is not JsonObject group)
        {
            group = [];
            _attributes[stage] = group;
        }

        group[name] = value;
    }
}
