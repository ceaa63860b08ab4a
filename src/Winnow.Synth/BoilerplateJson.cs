using System.Globalization;

namespace Winnow.Synth;

/// <summary>Writes the boilerplate truth: every catalog paragraph with the number of documents containing it.</summary>
internal static class BoilerplateJson
{
    public static void Write(Stream stream, long[] counts)
    {
        var lines = new JsonLines(1 << 16);
        var paragraphs = SynthCatalog.Instance.Paragraphs;
        Span<char> scratch = stackalloc char[16];
        for (int id = 0; id < paragraphs.Length; id++)
        {
            var w = lines.Begin();
            scratch[0] = 'b';
            id.TryFormat(scratch[1..], out int written, "D4", CultureInfo.InvariantCulture);
            w.WriteString("id"u8, scratch[..(written + 1)]);
            w.WriteString("group"u8, paragraphs[id].Group);
            w.WriteString("role"u8, paragraphs[id].Role);
            w.WriteString("text"u8, paragraphs[id].Text);
            w.WriteNumber("docs"u8, counts[id]);
            lines.End();
        }

        stream.Write(lines.Written.Span);
    }
}
