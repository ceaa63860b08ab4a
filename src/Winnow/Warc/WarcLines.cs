namespace Winnow.Warc;

/// <summary>
/// Lines and "Name: value" fields of WARC and HTTP heads, on bytes. A line ends at LF; the CRs and
/// blanks before it are not part of it, so CRLF, bare LF and CR CR LF heads read alike.
/// </summary>
internal static class WarcLines
{
    private static ReadOnlySpan<byte> Blanks => " \t\r"u8;

    /// <summary>
    /// The length of the head at the start of <paramref name="bytes"/> up to and including its first
    /// empty line (one of blanks only), or -1 when no empty line ends in <paramref name="bytes"/>.
    /// </summary>
    public static int HeadLength(ReadOnlySpan<byte> bytes) => HeadLength(bytes, 0, out _);

    /// <summary>
    /// As <see cref="HeadLength(ReadOnlySpan{byte})"/>, looking only at lines that start at or after
    /// <paramref name="from"/> (a line start, or 0); <paramref name="scanned"/> is where a later call
    /// on more bytes may go on from.
    /// </summary>
    public static int HeadLength(ReadOnlySpan<byte> bytes, int from, out int scanned)
    {
        var lineStart = from;
        while (true)
        {
            var newline = bytes[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                scanned = lineStart;
                return -1;
            }

            var line = bytes.Slice(lineStart, newline);
            lineStart += newline + 1;
            if (line.IndexOfAnyExcept(Blanks) < 0)
            {
                scanned = lineStart;
                return lineStart;
            }
        }
    }

    /// <summary>The first line of <paramref name="rest"/> without its end, and <paramref name="rest"/> moved past it.</summary>
    public static ReadOnlySpan<byte> NextLine(scoped ref ReadOnlySpan<byte> rest)
    {
        var newline = rest.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (newline < 0)
        {
            line = rest;
            rest = default;
        }
        else
        {
            line = rest[..newline];
            rest = rest[(newline + 1)..];
        }

        return line.TrimEnd(Blanks);
    }

    /// <summary>The "Name: value" fields of a head, after its first line (the WARC version or the HTTP status line).</summary>
    public static FieldEnumerator Fields(ReadOnlySpan<byte> head) => new(head);

    /// <summary>Walks the fields of a head without allocating; lines without a name are passed over.</summary>
    public ref struct FieldEnumerator
    {
        private ReadOnlySpan<byte> _rest;

        public FieldEnumerator(ReadOnlySpan<byte> head)
        {
            _rest = head;
            NextLine(ref _rest);
        }

        public Field Current { get; private set; }

        public readonly FieldEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!_rest.IsEmpty)
            {
                // "Name: value", split at the first colon; a line without a name is no field.
                var line = NextLine(ref _rest);
                var colon = line.IndexOf((byte)':');
                var name = colon > 0 ? line[..colon].Trim(Blanks) : default;
                if (!name.IsEmpty)
                {
                    Current = new Field(name, line[(colon + 1)..].Trim(Blanks));
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One "Name: value" field, both parts trimmed.</summary>
    public readonly ref struct Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        public ReadOnlySpan<byte> Name { get; } = name;

        public ReadOnlySpan<byte> Value { get; } = value;

        public void Deconstruct(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
        {
            name = Name;
            value = Value;
        }
    }
}
