using Winnow.Pipeline;
using Winnow.Tests.Support;

namespace Winnow.Tests.Pipeline;

public sealed class SpillReleaseTests
{
    [Fact]
    public void ReplayedPagesAreGivenBackAndTheRestIsUntouched()
    {
        using var dir = new TempDir();
        var path = dir["pass-1.jsonl"];
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        using (var release = new SpillRelease(path))
        {
            release.Upto(10_000);
            release.Upto(123_456);
            release.Upto(5_000); // already released: nothing more
        }

        var after = File.ReadAllBytes(path);
        Assert.Equal(bytes.Length, after.Length);
        const int released = 123_456 / 4096 * 4096;
        Assert.Equal(bytes[released..], after[released..]);
        if (OperatingSystem.IsLinux())
        {
            // Punched out: reads as zeros (the test folder's file system takes FALLOC_FL_PUNCH_HOLE: ext4, xfs, tmpfs, overlayfs on them).
            Assert.All(after[..released], b => Assert.Equal(0, b));
        }
    }
}
