namespace Winnow.Pii;

/// <summary>Options of <see cref="PiiStage"/>.</summary>
public readonly record struct PiiOptions
{
    /// <summary>Creates the options: redact every kind.</summary>
    public PiiOptions()
    {
    }

    /// <summary>Redact (default) or annotate.</summary>
    public PiiMode Mode { get; init; } = PiiMode.Redact;

    /// <summary>Which kinds to look for (default all).</summary>
    public PiiKind Kinds { get; init; } = PiiKind.All;

    /// <summary>
    /// Redact only public IP addresses (default true), as DataTrove's <c>only_remove_public_ips</c>:
    /// private, loopback, link-local, documentation and other special-purpose addresses (192.168.1.1,
    /// 127.0.0.1, fe80::1, 2001:db8::1) are kept. They name no host on the internet and no person: the
    /// same few addresses stand in every router manual and networking tutorial, so redacting them costs
    /// technical text and protects nobody. False redacts every address.
    /// </summary>
    public bool PublicIpsOnly { get; init; } = true;
}
