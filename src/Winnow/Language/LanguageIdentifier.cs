namespace Winnow.Language;

/// <summary>
/// Character n-gram language identification (Cavnar and Trenkle 1994, "N-Gram-Based Text
/// Categorization") over the profiles of Debian's libexttextcat-data: about 160 languages, one
/// .lm file each, read at run time from where the package installs them. Winnow ships no profiles.
/// </summary>
/// <remarks>
/// The distance of a text to a language is the sum over the text's top 400 n-grams of how far the
/// n-gram's rank is from its rank in the language's profile (400 when absent). An inverted index
/// from n-gram to (language, rank) makes that one lookup per n-gram rather than one per language.
/// Thread-safe once constructed (read-only).
/// </remarks>
public sealed class LanguageIdentifier
{
    /// <summary>Where Debian and Ubuntu's libexttextcat-data puts the profiles.</summary>
    public const string DefaultDirectory = "/usr/share/libexttextcat";

    /// <summary>The apt package that provides the profiles.</summary>
    public const string Package = "libexttextcat-data";

    private readonly string[] _languages;
    private readonly Dictionary<ulong, (short Language, short Rank)[]> _index;

    private LanguageIdentifier(string[] languages, Dictionary<ulong, (short, short)[]> index)
    {
        _languages = languages;
        _index = index;
    }

    /// <summary>The languages known, by profile name.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>How many characters of a text are read (default 4096): enough for a stable guess.</summary>
    public int MaxChars { get; init; } = 4096;

    /// <summary>Loads every *.lm profile of <paramref name="directory"/> (null: <see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="FileNotFoundException">No profiles there; the message says which package to install.</exception>
    public static LanguageIdentifier Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.lm") : [];
        if (files.Length == 0)
        {
            throw new FileNotFoundException(
                $"No language profiles (*.lm) in {directory}. Install them with `apt-get install {Package}` (Debian/Ubuntu), or point the language filter's profiles option at a folder of libexttextcat .lm files.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        var languages = new string[files.Length];
        var postings = new Dictionary<ulong, List<(short, short)>>();
        for (short l = 0; l < files.Length; l++)
        {
            languages[l] = Path.GetFileNameWithoutExtension(files[l]);
            short rank = 0;
            foreach (var raw in File.ReadLines(files[l]))
            {
                var tab = raw.IndexOf('\t');
                var gram = (tab >= 0 ? raw.AsSpan(0, tab) : raw.AsSpan()).Trim();
                if (gram.IsEmpty || rank >= NgramProfile.Size)
                {
                    continue;
                }

                var key = NgramProfile.Key(gram);
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                list.Add((l, rank++));
            }
        }

        return new LanguageIdentifier(languages, postings.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    /// <summary>The most likely language of <paramref name="text"/>.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text)
    {
        var top = NgramProfile.Build(text, MaxChars);
        if (top.Length == 0)
        {
            return new LanguageGuess("unknown", 0, 0, "unknown");
        }

        const int missing = NgramProfile.Size;
        var saved = new long[_languages.Length];
        var known = 0;
        for (var r = 0; r < top.Length; r++)
        {
            if (_index.TryGetValue(top[r], out var entries))
            {
                known++;
                foreach (var (language, rank) in entries)
                {
                    saved[language] += missing - Math.Min(Math.Abs(rank - r), missing);
                }
            }
        }

        if (known == 0)
        {
            return new LanguageGuess("unknown", 0, 0, "unknown");
        }

        // The largest distance counts only the n-grams some profile holds: an n-gram no language knows is
        // no evidence either way. Scripts with thousands of characters (Han, kana, Hangul) have most of a
        // text's n-grams outside every 400-entry profile, which otherwise caps a perfect match near 0.1.
        var worst = (long)missing * known;
        int best = 0, second = -1;
        for (var l = 1; l < saved.Length; l++)
        {
            if (saved[l] > saved[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || saved[l] > saved[second])
            {
                second = l;
            }
        }

        var bestDistance = worst - saved[best];
        var secondDistance = second < 0 ? worst : worst - saved[second];
        var margin = bestDistance == 0 ? 1 : (double)(secondDistance - bestDistance) / bestDistance;
        return new LanguageGuess(_languages[best], 1 - ((double)bestDistance / worst), margin, second < 0 ? "unknown" : _languages[second]);
    }
}
