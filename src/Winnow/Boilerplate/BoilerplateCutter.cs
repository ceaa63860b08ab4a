using System.Text;

namespace Winnow.Boilerplate;

/// <summary>Cuts flagged units out of a text, with the blank space that followed each.</summary>
internal static class BoilerplateCutter
{
    /// <param name="text">The original text.</param>
    /// <param name="units">Flagged units, sorted by start, not overlapping.</param>
    public static string Cut(string text, List<TextUnit> units)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var unit in units)
        {
            if (unit.Start < position)
            {
                continue;
            }

            builder.Append(text, position, unit.Start - position);
            position = unit.End;
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        builder.Append(text, position, text.Length - position);
        if (position == text.Length)
        {
            // The text ended with boilerplate: do not leave the separator before it dangling.
            while (builder.Length > 0 && char.IsWhiteSpace(builder[^1]))
            {
                builder.Length--;
            }
        }

        return builder.ToString();
    }
}
