using Winnow.Filters;

namespace Winnow.Tests.Filters;

/// <summary>The one-pass look for C4's phrases finds a text's marks exactly as a search for each does.</summary>
public sealed class C4PresenceTests
{
    private static readonly string[] Phrases = ["lorem ipsum", "javascript", "cookie", "terms of use", "privacy policy"];

    [Fact]
    public void MarksAreThoseOfASearchForEachPhrase()
    {
        // Case folds that ordinal ignore-case comparison makes and ones it does not: dotless ı
        // (upper-cases to I), long ſ (to S), the Kelvin sign, Turkish İ, full-width letters.
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0131\u017f\u212a\u0130\uff43[{\n";
        var random = new Random(17);
        var options = new C4Options();
        var marked = 0;
        for (var trial = 0; trial < 20_000; trial++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            if (random.Next(3) == 0)
            {
                // A phrase in a random case, some letters folded (i → ı, s → ſ, k → K).
                var phrase = Phrases[random.Next(Phrases.Length)].ToCharArray();
                for (var i = 0; i < phrase.Length; i++)
                {
                    phrase[i] = random.Next(4) switch
                    {
                        0 => char.ToUpperInvariant(phrase[i]),
                        1 when phrase[i] == 'i' => '\u0131',
                        1 when phrase[i] == 's' => '\u017f',
                        1 when phrase[i] == 'k' => '\u212a',
                        _ => phrase[i],
                    };
                }

                var at = random.Next(text.Length + 1);
                text = text[..at] + new string(phrase) + text[at..];
            }

            var presence = new C4Presence(text, options);
            var lorem = text.Contains("lorem ipsum", StringComparison.OrdinalIgnoreCase);
            var javascript = text.Contains("javascript", StringComparison.OrdinalIgnoreCase);
            var policy = text.Contains("cookie", StringComparison.OrdinalIgnoreCase) || text.Contains("terms of use", StringComparison.OrdinalIgnoreCase)
                || text.Contains("privacy policy", StringComparison.OrdinalIgnoreCase);
            Assert.Equal((lorem, javascript, policy, text.Contains('['), text.Contains('{')),
                (presence.Lorem, presence.Javascript, presence.Policy, presence.Bracket, presence.Brace));
            marked += lorem || javascript || policy ? 1 : 0;
        }

        Assert.InRange(marked, 3_000, 10_000);
    }
}
