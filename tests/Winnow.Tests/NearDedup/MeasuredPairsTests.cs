using Winnow.NearDedup;

namespace Winnow.Tests.NearDedup;

public sealed class MeasuredPairsTests
{
    [Fact]
    public void AMeasuredPairIsFoundInEitherOrderAndOthersAreNot()
    {
        var joined = new MeasuredPairs();
        joined.Add(7, 3, 0.91);
        joined.Add(1, 2, 0.8);
        joined.Add(uint.MaxValue - 1, 0, 1.0);
        joined.Seal();

        Assert.True(joined.TryGet(3, 7, out var s));
        Assert.Equal(0.91, s);
        Assert.True(joined.TryGet(7, 3, out s));
        Assert.Equal(0.91, s);
        Assert.True(joined.TryGet(2, 1, out s));
        Assert.Equal(0.8, s);
        Assert.True(joined.TryGet(0, uint.MaxValue - 1, out s));
        Assert.Equal(1.0, s);
        Assert.False(joined.TryGet(1, 3, out _));
        Assert.False(joined.TryGet(3, 3, out _));
    }

    [Fact]
    public void NothingIsFoundBeforeSealing()
    {
        var joined = new MeasuredPairs();
        joined.Add(1, 2, 0.9);
        Assert.False(joined.TryGet(1, 2, out _));
    }
}
