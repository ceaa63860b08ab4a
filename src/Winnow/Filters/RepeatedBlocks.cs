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
        int blocks = 0, repeats = 0;
        long chars = 0;
        foreach (var line in stats.Lines)
        {
            var span = line.Of(text);
            if (LineMarks.IsBlank(span))
            {
                continue;
            }

            blocks++;
            if (counter.Add(TextHash.Of(span)) > 1)
            {
                repeats++;
                chars += span.Length;
            }
        }

        return (blocks == 0 ? 0 : (double)repeats / blocks, chars, blocks);
    }

    /// <summary>Paragraphs are runs of lines between empty lines.</summary>
    public static (double Fraction, double Chars) Paragraphs(TextStatistics stats)
    {
        var counter = HashCounter.ForThread();
        counter.Reset(stats.LineCount);
        var text = stats.Text.AsSpan();
        var lines = stats.Lines;
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
            while (i < lines.Length && lines[i].Length > 0)
            {
                i++;
            }

            var span = text[lines[first].Start..lines[i - 1].End];
            blocks++;
            if (counter.Add(TextHash.Of(span)) > 1)
            {
                repeats++;
                chars += span.Length;
            }
        }

        return (blocks == 0 ? 0 : (double)repeats / blocks, chars);
    }
}
