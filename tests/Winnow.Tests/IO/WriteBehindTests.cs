using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Winnow.Tests.Support;
using Winnow.Writers;

namespace Winnow.Tests.IO;

/// <summary>
/// Output parts are sent to disk and dropped from the page cache as they grow, a window behind the
/// writer: the bytes must be the same, and the start of a large part no longer cached.
/// </summary>
public sealed partial class WriteBehindTests
{
    [Fact]
    public void ALargePartIsWrittenWholeAndItsStartLeavesThePageCache()
    {
        // 100 MB of records, written in groups and one by one (both of the writer's paths), across
        // three 32 MiB windows.
        var random = new Random(3);
        var records = Enumerable.Range(0, 1_600).Select(i =>
            Encoding.UTF8.GetBytes("{\"id\":\"" + i + "\",\"text\":\"" + new string((char)('a' + (i % 26)), 60_000 + random.Next(8_000)) + "\"}\n")).ToArray();
        using var dir = new TempDir();
        using var expected = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new JsonlPartWriter(dir["out"], new OutputOptions(), writeBehind: true))
        {
            for (var i = 0; i < records.Length; i++)
            {
                expected.AppendData(records[i]);
                if (i % 3 == 0)
                {
                    writer.Write(records[i]);
                }
                else
                {
                    writer.Write(records[i], [records[i].Length]);
                }
            }

            writer.Complete();
        }

        var part = Directory.GetFiles(dir["out"]).Single();
        Assert.Equal(expected.GetHashAndReset(), SHA256.HashData(File.ReadAllBytes(part)));

        // Read back above, so look again after a fresh write of the same part.
        File.Delete(part);
        using (var writer = new JsonlPartWriter(dir["out"], new OutputOptions(), writeBehind: true))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        if (!OperatingSystem.IsLinux() || !DropsFromCache(dir["probe"]))
        {
            return; // a file system that keeps its pages (tmpfs: the file is memory itself)
        }

        var (resident, pages) = Residency(part, 32 << 20);
        Assert.True(resident < pages / 4, $"{resident} of the first {pages} pages still cached");

        // A writer not asked to (a spill, read back soon) leaves its pages cached.
        File.Delete(part);
        using (var writer = new JsonlPartWriter(dir["out"], new OutputOptions()))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        (resident, pages) = Residency(part, 32 << 20);
        Assert.True(resident > pages / 2, $"only {resident} of the first {pages} pages cached");
    }

    // Whether this file system drops a file's pages from the cache when asked, once on disk.
    private static bool DropsFromCache(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "probe");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(new byte[8 << 20]);
            file.Flush(flushToDisk: true);
            _ = PosixFadvise((int)file.SafeFileHandle.DangerousGetHandle(), 0, 8 << 20, 4); // POSIX_FADV_DONTNEED
        }

        var (resident, pages) = Residency(path, 8 << 20);
        return resident < pages / 4;
    }

    private static unsafe (long Resident, long Pages) Residency(string path, long length)
    {
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* address = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref address);
        try
        {
            var pages = (length + Environment.SystemPageSize - 1) / Environment.SystemPageSize;
            var vector = new byte[pages];
            fixed (byte* v = vector)
            {
                Assert.Equal(0, Mincore(address + view.PointerOffset, (nuint)length, v));
            }

            return (vector.Count(b => (b & 1) != 0), pages);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static unsafe partial int Mincore(byte* address, nuint length, byte* vector);
}
