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
    private JsonObject? _attributes;

    /// <summary>Creates a document.</summary>
    public Document(string id, string text, DocumentSource source, long ordinal, long inputBytes)
    {
        Id = id;
        _text = text;
        Source = source;
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

    /// <summary>The document's id: from the input, or "file:line" when the input has none.</summary>
    public string Id { get; }

    /// <summary>The text; stages that clean or redact replace it.</summary>
    public string Text
    {
        get => _text ??= RawTextJson.IsEmpty ? "" : JsonSpans.DecodeString(RawTextJson.Span);
        set
        {
            if (!ReferenceEquals(value, _text))
            {
                _text = value;
                RawTextJson = default;
                TokensCounted = false;
            }
        }
    }

    /// <summary>
    /// The text's JSON string token as read (quotes included), while the text is unchanged:
    /// writing it back saves escaping the text again. Points into the reader's batch buffer, so
    /// it is valid only until that batch is written.
    /// </summary>
    internal ReadOnlyMemory<byte> RawTextJson { get; private set; }

    /// <summary>Whether <see cref="Text"/> is a string already (else it is decoded from <see cref="RawTextJson"/> when read).</summary>
    internal bool IsTextDecoded => _text is not null;

    /// <summary>
    /// For a removed document: the pass of a single-process run in which it was removed (its map
    /// step), which orders removed/ the same way in every run, sharded or not.
    /// </summary>
    internal int RemovalPass { get; set; }

    internal void SetRawTextJson(ReadOnlyMemory<byte> raw) => RawTextJson = raw;

    /// <summary>The page's URL, when known.</summary>
    public string? Url { get; set; }

    /// <summary>What kind of text this is: "text/plain", "text/markdown" or "text/html".</summary>
    public string ContentType { get; set; } = ContentTypes.PlainText;

    /// <summary>Where the document came from.</summary>
    public DocumentSource Source { get; }

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
    public IReadOnlyList<MetadataField> Metadata => (IReadOnlyList<MetadataField>?)_metadata ?? [];

    /// <summary>Annotations added by stages, keyed by stage name; null until one is added.</summary>
    public JsonObject? Attributes => _attributes;

    /// <summary>Marks the document removed; the first removal wins, later ones are ignored.</summary>
    public void Remove(Removal removal) => Removal ??= removal;

    /// <summary>Adds a metadata field (raw JSON value).</summary>
    public void AddMetadata(MetadataField field) => (_metadata ??= []).Add(field);

    /// <summary>The value of a string metadata field, or null.</summary>
    public string? GetMetadataString(string name)
    {
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
    internal void RestoreAttributes(JsonObject attributes) => _attributes = attributes;

    /// <summary>Sets one attribute under a stage's name, e.g. ("pii", "emails", 2).</summary>
    public void SetAttribute(string stage, string name, JsonNode? value)
    {
        _attributes ??= [];
        if (_attributes[stage] is not JsonObject group)
        {
            group = [];
            _attributes[stage] = group;
        }

        group[name] = value;
    }
}
