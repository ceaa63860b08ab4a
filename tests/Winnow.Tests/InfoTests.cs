namespace Winnow.Tests;

public sealed class InfoTests
{
    [Fact]
    public void VersionIsSemantic() => Assert.Matches(@"^\d+\.\d+\.\d+$", WinnowInfo.Version);
}
