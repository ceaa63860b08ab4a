using System.Text.Json;

namespace Winnow.Extraction;

/// <summary>Writes one extracted page as the JSON object of `winnow extract`'s output (a writer with <see cref="Writers.DocumentJson.WriterOptions"/>' encoder).</summary>
internal static class ExtractJson
{
    public static void Write(Utf8JsonWriter writer, string source, ExtractedPage page)
    {
        writer.WriteStartObject();
        writer.WriteString("file", source);
        writer.WriteString("url", page.Url);
        Writers.RelaxedJsonString.Write(writer, "text"u8, page.Text);
        writer.WriteString("title", page.Title);
        writer.WriteString("author", page.Author);
        writer.WriteString("date", page.Date);
        writer.WriteString("sitename", page.SiteName);
        writer.WriteString("language", page.Language);
        writer.WriteString("description", page.Description);
        if (page.Warning is not null)
        {
            writer.WriteString("warning", page.Warning);
        }

        writer.WriteEndObject();
    }
}
