using Winnow.Pii;

namespace Winnow.Tests.Pii;

public class PiiScannerTests
{
    private static List<(PiiKind Kind, string Text)> Find(string text, PiiKind kinds = PiiKind.All)
    {
        var found = new List<PiiSpan>();
        PiiScanner.Scan(text, kinds, found);
        return found.Select(s => (s.Kind, text.Substring(s.Start, s.Length))).ToList();
    }

    [Theory]
    [InlineData("Write to jane.doe+news@example.co.uk today.", "jane.doe+news@example.co.uk")]
    [InlineData("[x@mail.example.org](mailto:x@mail.example.org)", "x@mail.example.org")]
    [InlineData("contact: A_B-c%d@sub-domain.example.museum.", "A_B-c%d@sub-domain.example.museum")]
    public void FindsEmails(string text, string email)
    {
        var found = Find(text);
        Assert.NotEmpty(found);
        Assert.All(found, f => Assert.Equal((PiiKind.Email, email), f));
    }

    [Theory]
    [InlineData("user@localhost")]
    [InlineData("@handle on social media")]
    [InlineData("a@b.c")]
    [InlineData("name@domain.")]
    [InlineData("x@-bad.com")]
    [InlineData("price is 5@3.50 each")]
    public void IgnoresNonEmails(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("Call +44 20 7946 0958 now", "+44 20 7946 0958")]
    [InlineData("Call +1 (555) 123-4567.", "+1 (555) 123-4567")]
    [InlineData("tel +33612345678", "+33612345678")]
    [InlineData("Office: (555) 123-4567", "(555) 123-4567")]
    [InlineData("Office: 555-123-4567", "555-123-4567")]
    [InlineData("Office: 555.123.4567", "555.123.4567")]
    [InlineData("Office: 1-800-555-0199", "1-800-555-0199")]
    [InlineData("Ruf an: 030 12345678", "030 12345678")]
    [InlineData("Appelez le 06 12 34 56 78.", "06 12 34 56 78")]
    [InlineData("London 020 7946 0958", "020 7946 0958")]
    [InlineData("Mobile: 07700 900123.", "07700 900123")]
    [InlineData("Tel. 01632 960983", "01632 960983")]
    [InlineData("Call (01632) 960 001 today", "(01632) 960 001")]
    [InlineData("Ring 0161 496 0123 or", "0161 496 0123")]
    [InlineData("UK +44 7700 900123", "+44 7700 900123")]
    [InlineData("Anruf: +49 30 12345678", "+49 30 12345678")]
    public void FindsPhones(string text, string phone) => Assert.Equal([(PiiKind.Phone, phone)], Find(text));

    [Theory]
    [InlineData("Released as version 1.2.3.4 today")]   // version number
    [InlineData("Upgrade to v2.10.1.3 now")]            // version number
    [InlineData("Section 4.3.2.1.5 says")]              // dotted numbering, five groups
    [InlineData("Posted 2017-06-27 and 27.06.2017")]    // dates
    [InlineData("Posted 06/27/2017 10:30:45")]          // date and time
    [InlineData("ISBN 978-3-16-148410-0")]              // ISBN-13
    [InlineData("ISBN 0-306-40615-2")]                  // ISBN-10
    [InlineData("See 0-306-40615-2 in print")]          // ISBN-10 shape without the word
    [InlineData("It costs $1,234,567.89 or 1 234 567,00 €")]    // prices
    [InlineData("Costs EUR 12 345 678,90 in total")]            // price with decimal comma
    [InlineData("At 40.712776, -74.005974 and 48.8566 2.3522")] // coordinates
    [InlineData("Timestamp 1498560000 and id 12345678901")]     // bare long numbers
    [InlineData("Scores 123 456 7890 in the table")]            // plain spaces, not a NANP phone
    [InlineData("Between 1990 2000 2010 and 2020")]
    [InlineData("std::vector<int> and a::b and 12:30:45")]      // C++ names, clock time
    [InlineData("MAC 00:1a:2b:3c:4d:5e")]                       // six groups
    [InlineData("Order 4111 1111 1111 1112")]                   // Luhn fails
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")]            // checksum fails
    public void GuardsAgainstFalsePositives(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("Server 192.168.1.20 answered.", "192.168.1.20")]
    [InlineData("from 8.8.8.8:53", "8.8.8.8")]
    public void FindsIpv4(string text, string ip) => Assert.Equal([(PiiKind.IpAddress, ip)], Find(text));

    [Theory]
    [InlineData("Host 192.168.1.256 is invalid")]
    [InlineData("Host 192.168.01.2 is odd")]
    [InlineData("Host 10.0.0.1.5 is not one")]
    public void RejectsBadIpv4(string text) => Assert.DoesNotContain(Find(text), f => f.Kind == PiiKind.IpAddress);

    [Theory]
    [InlineData("addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("addr: 2001:db8::ff00:42:8329.", "2001:db8::ff00:42:8329")]
    [InlineData("link fe80::1: ok", "fe80::1")]
    public void FindsIpv6(string text, string ip) => Assert.Equal([(PiiKind.IpAddress, ip)], Find(text));

    [Theory]
    [InlineData("Card 4111 1111 1111 1111 expires", "4111 1111 1111 1111")]
    [InlineData("Card 5500-0000-0000-0004.", "5500-0000-0000-0004")]
    [InlineData("Amex 3782 822463 10005", "3782 822463 10005")]
    [InlineData("Card 4012888888881881", "4012888888881881")]
    public void FindsCards(string text, string card) => Assert.Equal([(PiiKind.CardNumber, card)], Find(text));

    [Theory]
    [InlineData("Pay to DE89 3704 0044 0532 0130 00 BANK please", "DE89 3704 0044 0532 0130 00")]
    [InlineData("IBAN GB82WEST12345698765432.", "GB82WEST12345698765432")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606")]
    public void FindsIbans(string text, string iban) => Assert.Equal([(PiiKind.Iban, iban)], Find(text));

    [Fact]
    public void LuhnAndMod97()
    {
        Assert.True(CardNumber.Luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]));
        Assert.False(CardNumber.Luhn([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 4]));
        Assert.Equal(1, IbanScanner.Mod97("GB82WEST12345698765432"));
        Assert.NotEqual(1, IbanScanner.Mod97("GB83WEST12345698765432"));
    }

    [Fact]
    public void KindsCanBeSelected()
    {
        const string text = "mail a@example.com or call +44 20 7946 0958";
        Assert.Equal([(PiiKind.Phone, "+44 20 7946 0958")], Find(text, PiiKind.Phone));
        Assert.Equal([(PiiKind.Email, "a@example.com")], Find(text, PiiKind.Email));
    }
}
