using System.Net;
using System.Net.Sockets;

namespace Winnow.Pii;

/// <summary>
/// Whether an IP address is public: not in a special-purpose range of IANA's registries, the ranges
/// Python's <c>ipaddress</c> treats as not global (what DataTrove's <c>only_remove_public_ips</c> tests):
/// IPv4 0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8 (loopback), 169.254/16 (link-local), 172.16/12,
/// 192.0.0/24 (but .9 and .10), 192.0.2/24, 198.51.100/24 and 203.0.113/24 (documentation), 192.168/16,
/// 198.18/15 (benchmarking), 240/4 and 255.255.255.255; IPv6 ::, ::1, ::ffff:0:0/96 (by its IPv4
/// part), 64:ff9b:1::/48, 100::/64, 2001::/23 (but its public sub-ranges), 2001:db8::/32
/// (documentation), 2002::/16, fc00::/7 (unique local) and fe80::/10 (link-local).
/// </summary>
internal static class IpAddressRanges
{
    private static readonly (uint Network, int Prefix)[] V4NotGlobal =
    [
        (V4(0, 0, 0, 0), 8), (V4(10, 0, 0, 0), 8), (V4(100, 64, 0, 0), 10), (V4(127, 0, 0, 0), 8), (V4(169, 254, 0, 0), 16),
        (V4(172, 16, 0, 0), 12), (V4(192, 0, 0, 0), 24), (V4(192, 0, 2, 0), 24), (V4(192, 168, 0, 0), 16), (V4(198, 18, 0, 0), 15),
        (V4(198, 51, 100, 0), 24), (V4(203, 0, 113, 0), 24), (V4(240, 0, 0, 0), 4), (V4(255, 255, 255, 255), 32),
    ];

    private static readonly (uint Network, int Prefix)[] V4Exceptions = [(V4(192, 0, 0, 9), 32), (V4(192, 0, 0, 10), 32)];

    private static readonly (UInt128 Network, int Prefix)[] V6NotGlobal =
    [
        (V6("::1"), 128), (V6("::"), 128), (V6("64:ff9b:1::"), 48), (V6("100::"), 64), (V6("2001::"), 23),
        (V6("2001:db8::"), 32), (V6("2002::"), 16), (V6("fc00::"), 7), (V6("fe80::"), 10),
    ];

    private static readonly (UInt128 Network, int Prefix)[] V6Exceptions =
    [
        (V6("2001:1::1"), 128), (V6("2001:1::2"), 128), (V6("2001:3::"), 32), (V6("2001:4:112::"), 48), (V6("2001:20::"), 28), (V6("2001:30::"), 28),
    ];

    /// <summary>True when <paramref name="address"/> (as the scanners find it) is public; an address that does not parse counts as public.</summary>
    public static bool IsPublic(ReadOnlySpan<char> address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsPublicV4(ToUInt32(ip));
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(ToUInt32(ip.MapToIPv4()));
        }

        var value = ToUInt128(ip);
        return Matches(V6Exceptions, value) || !Matches(V6NotGlobal, value);
    }

    private static bool IsPublicV4(uint value) => Matches(V4Exceptions, value) || !Matches(V4NotGlobal, value);

    private static bool Matches((uint Network, int Prefix)[] ranges, uint value)
    {
        foreach (var (network, prefix) in ranges)
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches((UInt128 Network, int Prefix)[] ranges, UInt128 value)
    {
        foreach (var (network, prefix) in ranges)
        {
            var mask = prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);
            if ((value & mask) == network)
            {
                return true;
            }
        }

        return false;
    }

    private static uint V4(int a, int b, int c, int d) => (uint)((a << 24) | (b << 16) | (c << 8) | d);

    private static UInt128 V6(string text) => ToUInt128(IPAddress.Parse(text));

    private static uint ToUInt32(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[4];
        ip.TryWriteBytes(bytes, out _);
        return (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
    }

    private static UInt128 ToUInt128(IPAddress ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out _);
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
