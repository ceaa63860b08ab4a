using Winnow.Documents;

namespace Winnow.Readers;

/// <summary>
/// A record's metadata fields in input order, each name once: a repeated name (a key written twice,
/// or a top-level field that a nested <c>metadata</c> object names again) keeps its first place and
/// takes the last value, as JSON parsers read repeated keys. Our output then never repeats a key.
/// </summary>
/// <remarks>A mutable struct for a parser's local: no allocation for records without metadata.</remarks>
internal struct MetadataList
{
    // Records with a handful of fields are searched; a hostile record with thousands gets an index.
    private const int IndexFrom = 16;
    private List<MetadataField>? _fields;
    private Dictionary<string, int>? _index;

    public void Add(MetadataField field)
    {
        _fields ??= [];
        var at = Find(field.Name);
        if (at >= 0)
        {
            _fields[at] = field;
            return;
        }

        _fields.Add(field);
        _index?.Add(field.Name, _fields.Count - 1);
        if (_index is null && _fields.Count == IndexFrom)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _fields.Count; i++)
            {
                _index[_fields[i].Name] = i;
            }
        }
    }

    public readonly void CopyTo(Document document)
    {
        if (_fields is null)
        {
            return;
        }

        foreach (var field in _fields)
        {
            document.AddMetadata(field);
        }
    }

    private readonly int Find(string name)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(name, -1);
        }

        for (var i = 0; i < _fields!.Count; i++)
        {
            if (_fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
