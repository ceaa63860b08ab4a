using Winnow.IO;

namespace Winnow.Tests.IO;

public class PageBufferTests
{
    [Fact]
    public void GrowsKeepingWhatWasWrittenAndReturnsToItsSizeForTheNextPage()
    {
        var buffer = PageBuffer<byte>.ForPage();
        Assert.Equal(PageBuffer<byte>.KeptLimit, buffer.Length);
        buffer.Span[..3].Fill(7);
        buffer.Span[^1] = 9;

        buffer.Grow(buffer.Length, buffer.Length * 2);
        Assert.Equal(PageBuffer<byte>.KeptLimit * 2, buffer.Length);
        Assert.Equal([7, 7, 7], buffer.Span[..3].ToArray());
        Assert.Equal(9, buffer.Span[PageBuffer<byte>.KeptLimit - 1]);
        buffer.Span[^1] = 1; // the grown part is writable to its end

        Assert.Same(buffer, PageBuffer<byte>.ForPage());
        Assert.Equal(PageBuffer<byte>.KeptLimit, buffer.Length);
    }

    [Fact]
    public void EachThreadHasItsOwn()
    {
        var mine = PageBuffer<char>.ForPage();
        PageBuffer<char>? theirs = null;
        var thread = new Thread(() => theirs = PageBuffer<char>.ForPage());
        thread.Start();
        thread.Join();
        Assert.NotNull(theirs);
        Assert.NotSame(mine, theirs);
        Assert.Same(mine, PageBuffer<char>.ForPage());
    }
}
