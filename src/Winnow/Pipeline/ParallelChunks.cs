namespace Winnow.Pipeline;

/// <summary>
/// Splits [0, count) into contiguous chunks run in parallel; the body gets (chunk, from, to). Chunks, not items, keep the
/// scheduling cost per batch small and let each chunk write its own contiguous slots.
/// </summary>
internal static class ParallelChunks
{
    public static int ChunkCount(int count, ParallelOptions options) =>
        count == 0 ? 0 : options.MaxDegreeOfParallelism == 1 ? 1 : Math.Min(count, options.MaxDegreeOfParallelism * 4);

    public static void For(int count, ParallelOptions options, Action<int, int, int> body)
    {
        var chunks = ChunkCount(count, options);
        if (chunks <= 1 || options.MaxDegreeOfParallelism == 1)
        {
            if (count > 0)
            {
                body(0, 0, count);
            }

            return;
        }

        Parallel.For(0, chunks, options, c => body(c, Start(count, chunks, c), Start(count, chunks, c + 1)));
    }

    public static int Start(int count, int chunks, int chunk) => (int)((long)count * chunk / chunks);
}
