namespace Winnow.Pii;

/// <summary>The kinds of personal data <see cref="PiiScanner"/> finds.</summary>
[Flags]
public enum PiiKind
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>E-mail address, redacted as &lt;EMAIL&gt;.</summary>
    Email = 1,

    /// <summary>Phone number, international (+…) or national, redacted as &lt;PHONE&gt;.</summary>
    Phone = 2,

    /// <summary>IPv4 or IPv6 address, redacted as &lt;IP_ADDRESS&gt;.</summary>
    IpAddress = 4,

    /// <summary>Payment card number passing the Luhn check, redacted as &lt;CARD_NUMBER&gt;.</summary>
    CardNumber = 8,

    /// <summary>IBAN passing the ISO 7064 mod-97 check, redacted as &lt;IBAN&gt;.</summary>
    Iban = 16,

    /// <summary>Every kind.</summary>
    All = Email | Phone | IpAddress | CardNumber | Iban,
}
