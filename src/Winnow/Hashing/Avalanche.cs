using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Winnow.Hashing;

/// <summary>
/// The 64-bit finalizers of xxHash64 and MurmurHash3: every input bit flips each output bit with
/// probability about one half. Shared by the hashes and by the stages that mix their own keys.
/// </summary>
internal static class Avalanche
{
    /// <summary>xxHash64's final mix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong XxHash64(ulong h)
    {
        h ^= h >> 33;
        h *= 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0x165667B19E3779F9UL;
        return h ^ (h >> 32);
    }

    /// <summary><see cref="XxHash64(ulong)"/> of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> XxHash64(Vector512<ulong> h)
    {
        h ^= h >>> 33;
        h *= Vector512.Create(0xC2B2AE3D27D4EB4FUL);
        h ^= h >>> 29;
        h *= Vector512.Create(0x165667B19E3779F9UL);
        return h ^ (h >>> 32);
    }

    /// <summary>MurmurHash3's fmix64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Murmur3(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        return k ^ (k >> 33);
    }
}
