namespace Winnow.Filters;

/// <summary>Repeated lines and paragraphs of one text: how many repeat an earlier one, and their characters.</summary>
internal static class RepeatedBlocks
{
    /// <summary>Counts over the non-blank lines; a line repeating an earlier one adds its length.</summary>
    public static (double Fraction, double Chars, int Blocks) Lines(TextStatistics stats)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(stats.LineCount);
        var text = stats.Text.AsSpan();
        var lines = stats.Lines;
        var hashes = stats.LineHashes();
        int blocks = 0, repeats = 0;
        long chars = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (LineMarks.IsBlank(lines[i].Of(text)))
            {
                continue;
            }

            blocks++;
            if (counter.Add(hashes[i]) > 1)
            {
                repeats++;
                chars += lines[i].Length;
            }
        }

        return (blocks == 0 ? 0 : (double)repeats / blocks, chars, blocks);
    }

    /// <summary>
    /// Paragraphs are runs of lines between empty lines. A paragraph's hash folds its lines' hashes
    /// with the length of each line break ("\n" or "\r\n"), so it stands for the paragraph's exact text.
    /// </summary>
    public static (double Fraction, double Chars) Paragraphs(TextStatistics stats)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(stats.LineCount);
        var lines = stats.Lines;
        var hashes = stats.LineHashes();
        int blocks = 0, repeats = 0;
        long chars = 0;
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0)
            {
                i++;
                continue;
            }

            var first = i;
            var hash = hashes[i];
            while (++i < lines.Length && lines[i].Length > 0)
            {
                var lineBreak = (ulong)(lines[i].Start - lines[i - 1].End);
                hash = ((hash + lineBreak) * 0x9E3779B97F4A7C15UL) ^ hashes[i];
            }

            blocks++;
            if (counter.Add(TextHash.Mix(hash)) > 1)
            {
                repeats++;
                chars += lines[i - 1].End - lines[first].Start;
            }
        }

        return (blocks == 0 ? 0 : (double)repeats / blocks, chars);
    }
}
