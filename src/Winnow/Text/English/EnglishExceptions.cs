namespace Winnow.Text.English;

/// <summary>
/// The strings spaCy's English tokenizer splits by rule rather than by its affix patterns (its
/// "tokenizer exceptions", spacy/lang/tokenizer_exceptions.py and lang/en/tokenizer_exceptions.py):
/// contractions ("don't" → "do" "n't", "cannot" → "can" "not", "Im" → "I" "m"), abbreviations kept whole
/// ("Mr.", "e.g.", "a.m."), times ("5pm" → "5" "pm"), emoticons, and each of them again with the
/// typographic apostrophe ’ for '. Built here from the same word families; 1,347 strings in all.
/// </summary>
internal static class EnglishExceptions
{
    private static readonly string[] Emoticons =
    [
        ":)", ":-)", ":))", ":-))", ":)))", ":-)))", "(:", "(-:", "=)", "(=", ":]", ":-]", "[:", "[-:", "[=", "=]", ":o)", "(o:",
        ":}", ":-}", "8)", "8-)", "(-8", ";)", ";-)", "(;", "(-;", ":(", ":-(", ":((", ":-((", ":(((", ":-(((", "):", ")-:", "=(",
        ">:(", ":')", ":'-)", ":'(", ":'-(", ":/", ":-/", "=/", "=|", ":|", ":-|", "]=", "=[", ":1", ":P", ":-P", ":p", ":-p", ":O",
        ":-O", ":o", ":-o", ":0", ":-0", ":()", ">:o", ":*", ":-*", ":3", ":-3", "=3", ":>", ":->", ":X", ":-X", ":x", ":-x", ":D",
        ":-D", ";D", ";-D", "=D", "xD", "XD", "xDD", "XDD", "8D", "8-D", "^_^", "^__^", "^___^", ">.<", ">.>", "<.<", "._.", ";_;",
        "-_-", "-__-", "v.v", "V.V", "v_v", "V_V", "o_o", "o_O", "O_o", "O_O", "0_o", "o_0", "0_0", "o.O", "O.o", "O.O", "o.o",
        "0.0", "o.0", "0.o", "@_@", "<3", "<33", "<333", "</3", "(^_^)", "(-_-)", "(._.)", "(>_<)", "(*_*)", "(¬_¬)", "ಠ_ಠ", "ಠ︵ಠ",
        "(ಠ_ಠ)", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", "><(((*>",
    ];

    private static readonly string[] WholeAbbreviations =
    [
        "'d", "a.m.", "Adm.", "Bros.", "co.", "Co.", "Corp.", "D.C.", "Dr.", "e.g.", "E.g.", "E.G.", "Gen.", "Gov.", "i.e.", "I.e.",
        "I.E.", "Inc.", "Jr.", "Ltd.", "Md.", "Messrs.", "Mo.", "Mont.", "Mr.", "Mrs.", "Ms.", "p.m.", "Ph.D.", "Prof.", "Rep.", "Rev.",
        "Sen.", "St.", "vs.", "v.s.",
    ];

    // Single tokens with a normal form in spaCy: clipped words, months, US states.
    private static readonly string[] WholeWords =
    [
        "'S", "'s", "\u2018S", "\u2018s", "and/or", "w/o", "'re", "'Cause", "'cause", "'cos", "'Cos", "'coz", "'Coz", "'cuz", "'Cuz",
        "'bout", "ma'am", "Ma'am", "o'clock", "O'clock", "lovin'", "Lovin'", "lovin", "Lovin", "havin'", "Havin'", "havin", "Havin",
        "doin'", "Doin'", "doin", "Doin", "goin'", "Goin'", "goin", "Goin", "Mt.", "Ak.", "Ala.", "Apr.", "Ariz.", "Ark.", "Aug.",
        "Calif.", "Colo.", "Conn.", "Dec.", "Del.", "Feb.", "Fla.", "Ga.", "Ia.", "Id.", "Ill.", "Ind.", "Jan.", "Jul.", "Jun.", "Kan.",
        "Kans.", "Ky.", "La.", "Mar.", "Mass.", "Mich.", "Minn.", "Miss.", "N.C.", "N.D.", "N.H.", "N.J.", "N.M.", "N.Y.", "Neb.",
        "Nebr.", "Nev.", "Nov.", "Oct.", "Okla.", "Ore.", "Pa.", "S.C.", "Sep.", "Sept.", "Tenn.", "Va.", "Wash.", "Wis.",
    ];

    // Pronoun and verb contractions that happen to spell ordinary words; spaCy leaves these alone.
    private static readonly string[] Excluded =
        ["Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed", "were", "Were", "Well", "well", "Whore", "whore"];

    /// <summary>Every exception, string → its tokens, in spaCy's order of definition (later ones win).</summary>
    public static Dictionary<string, string[]> Build()
    {
        var english = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(params string[] tokens) => english[string.Concat(tokens)] = tokens;

        foreach (var i in (string[])["i", "I"])
        {
            Add(i, "'m");
            Add(i, "m");
            Add(i, "'m", "a");
            Add(i, "m", "a");
        }

        foreach (var pronoun in Cased("i", "you", "he", "she", "it", "we", "they"))
        {
            WillWould(Add, pronoun);
        }

        foreach (var pronoun in Cased("i", "you", "we", "they"))
        {
            Add(pronoun, "'ve");
            Add(pronoun, "ve");
        }

        foreach (var pronoun in Cased("you", "we", "they"))
        {
            Add(pronoun, "'re");
            Add(pronoun, "re");
        }

        foreach (var pronoun in Cased("he", "she", "it"))
        {
            Add(pronoun, "'s");
            Add(pronoun, "s");
        }

        foreach (var (word, number) in (ReadOnlySpan<(string, int)>)[("who", 0), ("what", 0), ("when", 0), ("where", 0), ("why", 0), ("how", 0), ("there", 0), ("that", 1), ("this", 1), ("these", 2), ("those", 2)])
        {
            foreach (var w in Cased(word))
            {
                if (number != 2)
                {
                    Add(w, "'s");
                    Add(w, "s");
                }

                Add(w, "'ll");
                Add(w, "ll");
                Add(w, "'ll", "'ve");
                Add(w, "ll", "ve");
                if (number != 1)
                {
                    Add(w, "'re");
                    Add(w, "re");
                    Add(w, "'ve");
                    Add(w, "ve");
                }

                Add(w, "'d");
                Add(w, "d");
                Add(w, "'d", "'ve");
                Add(w, "d", "ve");
            }
        }

        foreach (var verb in Cased("ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha", "should", "wo", "would"))
        {
            Add(verb, "n't");
            Add(verb, "nt");
            Add(verb, "n't", "'ve");
            Add(verb, "nt", "ve");
        }

        foreach (var verb in Cased("could", "might", "must", "should", "would"))
        {
            Add(verb, "'ve");
            Add(verb, "ve");
        }

        foreach (var verb in Cased("ai", "are", "is", "was", "were", "have", "has", "dare"))
        {
            Add(verb, "n't");
            Add(verb, "nt");
        }

        foreach (var word in Cased("doin", "goin", "nothin", "nuthin", "ol", "somethin"))
        {
            Add(word);
            Add(word + "'");
        }

        foreach (var word in (string[])["em", "ll", "nuff"])
        {
            Add(word);
            Add("'" + word);
        }

        for (var hour = 1; hour <= 12; hour++)
        {
            foreach (var period in (string[])["a.m.", "am", "p.m.", "pm"])
            {
                Add(hour.ToString(System.Globalization.CultureInfo.InvariantCulture), period);
            }
        }

        Add("y'", "all");
        Add("y", "all");
        Add("how", "'d", "'y");
        Add("How", "'d", "'y");
        Add("not", "'ve");
        Add("not", "ve");
        Add("Not", "'ve");
        Add("Not", "ve");
        Add("can", "not");
        Add("Can", "not");
        Add("gon", "na");
        Add("Gon", "na");
        Add("got", "ta");
        Add("Got", "ta");
        Add("let", "'s");
        Add("Let", "'s");
        Add("c'm", "on");
        Add("C'm", "on");
        foreach (var word in WholeWords.Concat(WholeAbbreviations))
        {
            Add(word);
        }

        foreach (var word in Excluded)
        {
            english.Remove(word);
        }

        var all = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var whole in (string[])[" ", "\t", "\\t", "\n", "\\n", "\u2014", "\u00A0", "'", "\\\")", "<space>", "''", "C++", "ä.", "ö.", "ü."])
        {
            all[whole] = [whole];
        }

        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            all[letter + "."] = [letter + "."];
        }

        foreach (var emoticon in Emoticons)
        {
            all[emoticon] = [emoticon];
        }

        foreach (var unit in "cfkCFK")
        {
            all[$"°{unit}."] = ["°", unit.ToString(), "."];
        }

        foreach (var (key, tokens) in english)
        {
            all[key] = tokens;
        }

        // Every string with an apostrophe also with the typographic one.
        foreach (var (key, tokens) in all.ToArray())
        {
            if (key.Contains('\''))
            {
                all[key.Replace('\'', '’')] = [.. tokens.Select(t => t.Replace('\'', '’'))];
            }
        }

        return all;
    }

    private static void WillWould(Action<string[]> add, string w)
    {
        add([w, "'ll"]);
        add([w, "ll"]);
        add([w, "'ll", "'ve"]);
        add([w, "ll", "ve"]);
        add([w, "'d"]);
        add([w, "d"]);
        add([w, "'d", "'ve"]);
        add([w, "d", "ve"]);
    }

    /// <summary>Each word, then it with an upper-case first letter ("how", "How").</summary>
    private static IEnumerable<string> Cased(params string[] words)
    {
        foreach (var word in words)
        {
            yield return word;
            yield return char.ToUpperInvariant(word[0]) + word[1..];
        }
    }
}
