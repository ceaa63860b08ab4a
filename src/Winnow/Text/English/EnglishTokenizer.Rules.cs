namespace Winnow.Text.English;

internal static partial class EnglishTokenizer
{
    /// <summary>The exceptions, and the token patterns of those an affix rule would split (built once).</summary>
    internal sealed class Rules
    {
        private readonly int[][] _tokenLengths;
        private readonly string[][] _patterns;
        private readonly int[] _patternSpecial;
        private readonly int[][] _patternsByFirst;
        private readonly SpecialCaseTable _firstTokens;

        private Rules()
        {
            var exceptions = EnglishExceptions.Build().OrderBy(e => e.Key, StringComparer.Ordinal).ToArray();
            Keys = [.. exceptions.Select(e => e.Key)];
            _tokenLengths = [.. exceptions.Select(e => e.Value.Select(t => t.Length).ToArray())];
            Specials = new SpecialCaseTable([.. exceptions.Select((e, i) => (e.Key, i))]);

            // spaCy's special-case matcher holds the exceptions that its affix rules would cut apart,
            // each as the tokens those rules give it; adjacent tokens spelling one are merged back.
            var patterns = new List<string[]>();
            var owners = new List<int>();
            var buffer = new ChunkBuffer();
            for (var i = 0; i < Keys.Length; i++)
            {
                var key = Keys[i];
                if (key.Any(PythonStrings.IsSpace)
                    || (EnglishAffixes.PrefixLength(key) == 0 && EnglishAffixes.SuffixLength(key) == 0 && EnglishAffixes.NextInfix(key, 0, out _) < 0))
                {
                    continue;
                }

                buffer.Clear();
                Split(key, 0, key.Length, this, useSpecials: false, buffer);
                patterns.Add([.. Enumerable.Range(0, buffer.Count).Select(t => key.Substring(buffer.Starts[t], buffer.Lengths[t]))]);
                owners.Add(i);
            }

            _patterns = [.. patterns];
            _patternSpecial = [.. owners];
            var firsts = _patterns.Select(p => p[0]).Distinct(StringComparer.Ordinal).ToArray();
            _firstTokens = new SpecialCaseTable([.. firsts.Select((f, i) => (f, i))]);
            _patternsByFirst = [.. firsts.Select(f => Enumerable.Range(0, _patterns.Length).Where(p => _patterns[p][0] == f).ToArray())];
        }

        public static Rules Instance { get; } = new();

        /// <summary>Every exception, sorted.</summary>
        public string[] Keys { get; }

        /// <summary>Exception string → index into <see cref="Keys"/>.</summary>
        public SpecialCaseTable Specials { get; }

        /// <summary>The exception's tokens, as UTF-16 lengths.</summary>
        public ReadOnlySpan<int> TokenLengths(int special) => _tokenLengths[special];

        public void EmitSpecial<TSink>(int special, int start, ref TSink sink)
            where TSink : struct, ITokenSink, allows ref struct
        {
            foreach (var length in _tokenLengths[special])
            {
                sink.Add(start, length, false);
                start += length;
            }
        }

        public void AddSpecial(int special, int start, ChunkBuffer buffer)
        {
            foreach (var length in _tokenLengths[special])
            {
                buffer.Add(start, length);
                start += length;
            }
        }

        /// <summary>
        /// spaCy's special-case matcher on one chunk's tokens: every run of tokens equal to a pattern is a
        /// match; longer matches first, then leftmost, a match is applied unless its first or last token
        /// was covered by one considered before (applied or not); an applied match becomes the exception's tokens.
        /// </summary>
        public void MergePatterns(ReadOnlySpan<char> text, ChunkBuffer buffer)
        {
            var found = buffer.Matches;
            found.Clear();
            for (var t = 0; t < buffer.Count; t++)
            {
                var first = _firstTokens.Find(text.Slice(buffer.Starts[t], buffer.Lengths[t]));
                if (first < 0)
                {
                    continue;
                }

                foreach (var p in _patternsByFirst[first])
                {
                    var pattern = _patterns[p];
                    if (t + pattern.Length <= buffer.Count && Matches(text, buffer, t, pattern))
                    {
                        found.Add((t, t + pattern.Length, _patternSpecial[p]));
                    }
                }
            }

            if (found.Count == 0)
            {
                return;
            }

            found.Sort(static (a, b) => a.End - a.Start != b.End - b.Start ? (b.End - b.Start).CompareTo(a.End - a.Start) : a.Start.CompareTo(b.Start));
            Span<bool> seen = buffer.Count <= 256 ? stackalloc bool[buffer.Count] : new bool[buffer.Count];
            var applied = new (int Start, int End, int Special)[found.Count];
            var kept = 0;
            foreach (var m in found)
            {
                if (!seen[m.Start] && !seen[m.End - 1])
                {
                    applied[kept++] = m;
                }

                seen[m.Start..m.End].Fill(true);
            }

            Rebuild(buffer, applied.AsSpan(0, kept));
        }

        private static bool Matches(ReadOnlySpan<char> text, ChunkBuffer buffer, int t, string[] pattern)
        {
            for (var k = 0; k < pattern.Length; k++)
            {
                if (!text.Slice(buffer.Starts[t + k], buffer.Lengths[t + k]).SequenceEqual(pattern[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private void Rebuild(ChunkBuffer buffer, Span<(int Start, int End, int Special)> applied)
        {
            applied.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var starts = buffer.Starts[..buffer.Count];
            var lengths = buffer.Lengths[..buffer.Count];
            buffer.Count = 0;
            var next = 0;
            foreach (var (start, end, special) in applied)
            {
                for (; next < start; next++)
                {
                    buffer.Add(starts[next], lengths[next]);
                }

                AddSpecial(special, starts[start], buffer);
                next = end;
            }

            for (; next < starts.Length; next++)
            {
                buffer.Add(starts[next], lengths[next]);
            }
        }
    }
}
