using Winnow.Documents;

namespace Winnow.Readers;

/// <summary>Turns a raw record into a document or a rejection; thread-safe.</summary>
internal interface IRecordParser
{
    (Document? Document, Rejection? Rejection) Parse(in RawRecord record, ReadOnlyMemory<byte> bytes);
}
