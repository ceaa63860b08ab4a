namespace Winnow.Pii;

/// <summary>
/// A run of digit groups joined by single separators (space, '-', '.', '/', parentheses), as read
/// by <see cref="NumberScanner"/>: where it starts and ends, its groups and which separators it used.
/// </summary>
internal ref struct NumberRun
{
    public const int MaxGroups = 12;

    public int Start;
    public int End;
    public int Digits;
    public int GroupCount;
    public bool Plus;
    public bool Parens;
    public bool OpenParen;   // the run starts at a '(' before its first digit
    public bool InnerParen;  // a parenthesis between groups
    public bool Spaces;
    public bool Hyphens;
    public bool Dots;
    public bool Slashes;
    public bool TooLong;
    public Span<int> Groups;

    public readonly bool OnlySeparator(char separator) => !Parens && !Slashes
        && separator switch
        {
            ' ' => !Hyphens && !Dots,
            '-' => !Spaces && !Dots,
            '.' => !Spaces && !Hyphens,
            _ => !Spaces && !Hyphens && !Dots,
        };

    /// <summary>Reads the run whose first digit is at <paramref name="i"/>.</summary>
    public static NumberRun Read(ReadOnlySpan<char> text, int i, Span<int> groups)
    {
        var run = new NumberRun { Start = i, Groups = groups };
        if (i > 0 && text[i - 1] == '+')
        {
            run.Start = i - 1;
            run.Plus = true;
        }
        else if (i > 0 && text[i - 1] == '(')
        {
            run.Start = i - 1;
            run.Parens = true;
            run.OpenParen = true;
        }

        while (true)
        {
            var g = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            run.Digits += i - g;
            if (run.GroupCount < MaxGroups)
            {
                groups[run.GroupCount] = i - g;
            }
            else
            {
                run.TooLong = true;
            }

            run.GroupCount++;
            run.End = i;
            var next = Separator(text, i, ref run);
            if (next < 0)
            {
                return run;
            }

            i = next;
        }
    }

    /// <summary>The index of the next group's first digit, or -1 when the run ends at <paramref name="i"/>.</summary>
    private static int Separator(ReadOnlySpan<char> text, int i, ref NumberRun run)
    {
        var c = CharClass.At(text, i);
        switch (c)
        {
            case ' ' or '-' or '.' or '/':
                var d = CharClass.At(text, i + 1);
                if (char.IsAsciiDigit(d))
                {
                    Note(c, ref run);
                    return i + 1;
                }

                if (c is ' ' or '-' && d == '(' && CharClass.IsDigit(text, i + 2))
                {
                    run.Parens = run.InnerParen = true;
                    Note(c, ref run);
                    return i + 2;
                }

                return -1;
            case ')':
                var after = CharClass.At(text, i + 1);
                if (after is ' ' or '-' && CharClass.IsDigit(text, i + 2))
                {
                    run.Parens = run.InnerParen = true;
                    Note(after, ref run);
                    return i + 2;
                }

                if (char.IsAsciiDigit(after))
                {
                    run.Parens = run.InnerParen = true;
                    return i + 1;
                }

                return -1;
            default:
                return -1;
        }
    }

    private static void Note(char c, ref NumberRun run)
    {
        switch (c)
        {
            case ' ': run.Spaces = true; break;
            case '-': run.Hyphens = true; break;
            case '.': run.Dots = true; break;
            case '/': run.Slashes = true; break;
        }
    }
}
