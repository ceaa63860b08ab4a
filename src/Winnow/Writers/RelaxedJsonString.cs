using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Winnow.Writers;

/// <summary>
/// Writes a long string member byte for byte as <see cref="Utf8JsonWriter"/> does with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (<see cref="DocumentJson.WriterOptions"/>),
/// in fewer steps: runs of characters written as they are are found by a vector search and copied
/// at once, where the writer's encoder, once a text holds a single character to escape (any line
/// break), goes through the rest of it one character at a time. An edited text (PII redacted)
/// is written this way.
/// </summary>
/// <remarks>
/// Which characters are escaped, and how, is asked of the encoder itself (each escape once), so
/// the two cannot disagree; a text with a surrogate, or too long for the writer, is left to the
/// writer. Tested against the writer on every BMP character.
/// </remarks>
internal static class RelaxedJsonString
{
    /// <summary>Shorter values go to the writer: its own search is as quick on them.</summary>
    private const int MinLength = 64;

    /// <summary>The writer refuses longer values (an error the caller should keep).</summary>
    private const int MaxLength = 100_000_000;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(Enumerable.Range(0, 128).Where(c => !Encoder.WillEncode(c)).Select(c => (char)c).ToArray());

    // One bit per BMP character: set when the encoder escapes it.
    private static readonly Lazy<ulong[]> EscapedBmp = new(() =>
    {
        var bits = new ulong[65536 / 64];
        for (var c = 0; c < 65536; c++)
        {
            if (!char.IsSurrogate((char)c) && Encoder.WillEncode(c))
            {
                bits[c >> 6] |= 1UL << c;
            }
        }

        return bits;
    });

    private static readonly ConcurrentDictionary<char, byte[]> Escapes = new();

    /// <summary>Writes the member <paramref name="name"/>: <paramref name="value"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string value)
    {
        if (value.Length < MinLength || value.Length > MaxLength)
        {
            writer.WriteString(name, value);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((value.Length * 6) + 2);
        try
        {
            if (TryEscape(value, buffer, out var written))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(buffer.AsSpan(0, written), skipInputValidation: true);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The JSON string token of <paramref name="text"/> (quotes included) into
    /// <paramref name="destination"/> (at least 6 bytes a character and 2); false for a text with
    /// a surrogate, which the writer's encoder escapes by pairs.
    /// </summary>
    internal static bool TryEscape(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        var escaped = EscapedBmp.Value;
        var o = 0;
        destination[o++] = (byte)'"';
        var i = 0;
        while (i < text.Length)
        {
            var run = text[i..].IndexOfAnyExcept(PlainAscii);
            if (run < 0)
            {
                run = text.Length - i;
            }

            if (run > 0)
            {
                // ASCII: one byte a character (the transcoder narrows it with vectors).
                System.Text.Unicode.Utf8.FromUtf16(text.Slice(i, run), destination[o..], out _, out var bytes);
                o += bytes;
                i += run;
                if (i == text.Length)
                {
                    break;
                }
            }

            // Characters past ASCII the encoder leaves as they are: transcoded as one run.
            var end = i;
            while (end < text.Length && text[end] >= 128 && !char.IsSurrogate(text[end]) && (escaped[text[end] >> 6] & (1UL << text[end])) == 0)
            {
                end++;
            }

            if (end > i)
            {
                System.Text.Unicode.Utf8.FromUtf16(text[i..end], destination[o..], out _, out var bytes);
                o += bytes;
                i = end;
                continue;
            }

            var c = text[i];
            if (char.IsSurrogate(c))
            {
                return false;
            }

            var escape = Escapes.GetOrAdd(c, static ch => Encoding.UTF8.GetBytes(Encoder.Encode(ch.ToString())));
            escape.CopyTo(destination[o..]);
            o += escape.Length;
            i++;
        }

        destination[o++] = (byte)'"';
        written = o;
        return true;
    }
}
