using System.Diagnostics;
using System.Net.Sockets;
using Winnow.Documents;
using Winnow.Readers;
using Winnow.Tests.Cli;
using Winnow.Tests.Support;
using static Winnow.Tests.Support.RunOutputReader;

namespace Winnow.Tests.Robustness;

/// <summary>
/// Input folders as real file systems make them: links, loops, FIFOs, sockets, devices, names that
/// are not UTF-8, folders that cannot be read, files of other kinds. Each file is read once or
/// counted with a reason; nothing blocks, loops, aborts the run or vanishes.
/// </summary>
[Collection(nameof(ConsoleCollection))]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FolderWalkTests
{
    private const string Record = "{\"text\":\"a record\"}\n";

    [UnixFact]
    public void AFifoInAFolderIsSkippedAndCountedNeverOpened()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Record);
        Exec("mkfifo", dir["in/pipe.jsonl"]);
        var stats = CliRun.Ok("run", dir["in"], "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["documents"]!["in"]));
        Assert.Equal(1, Long(stats["skipped_files"]![SkippedFileReasons.SpecialFile]!["files"]));
        Assert.Equal("pipe.jsonl", stats["skipped_files"]![SkippedFileReasons.SpecialFile]!["examples"]![0]!.GetValue<string>());
    }

    [UnixFact]
    public void ASocketAndADeviceAreSkippedAndCounted()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Record);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(dir["in/s.jsonl"]));
        File.CreateSymbolicLink(dir["in/zero.jsonl"], "/dev/zero");
        var stats = CliRun.Ok("run", dir["in"], "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["documents"]!["in"]));
        Assert.Equal(2, Long(stats["skipped_files"]![SkippedFileReasons.SpecialFile]!["files"]));
    }

    [UnixFact]
    public void ASymbolicLinkLoopIsWalkedOnceAndTheRunEnds()
    {
        using var dir = new TempDir();
        dir.Write("in/sub/a.jsonl", Record);
        Directory.CreateSymbolicLink(dir["in/sub/up"], "..");
        Directory.CreateSymbolicLink(dir["in/again"], dir["in/sub"]);
        var stats = CliRun.Ok("run", dir["in"], "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["documents"]!["in"]));
        Assert.Equal(2, Long(stats["skipped_files"]![SkippedFileReasons.FolderLink]!["files"]));
    }

    [UnixFact]
    public void AFileReachedTwiceIsReadOnceUnderItsFirstName()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Record);
        File.CreateSymbolicLink(dir["in/b.jsonl"], dir["in/a.jsonl"]);
        var stats = CliRun.Ok("run", dir["in"], "--out", dir["r"], "--no-report", "--no-filters");
        Assert.Equal(1, Long(stats["documents"]!["in"]));
        Assert.Equal("b.jsonl", stats["skipped_files"]![SkippedFileReasons.SameFile]!["examples"]![0]!.GetValue<string>());
    }

    [UnixFact]
    public void AFileNameThatIsNotUtf8IsReadAndNamedWithEscapes()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        // Mono.Unix names a byte that is not UTF-8 as U+0000 and a char of its value: this makes "caf\xE9.jsonl".
        using (var file = Mono.Unix.Native.Syscall.open(dir["in"] + "/caf\0\u00e9.jsonl", Mono.Unix.Native.OpenFlags.O_CREAT | Mono.Unix.Native.OpenFlags.O_WRONLY, Mono.Unix.Native.FilePermissions.DEFFILEMODE) is var fd and >= 0
            ? new Mono.Unix.UnixStream(fd)
            : throw new IOException("cannot create the test file"))
        {
            file.Write("{\"text\":\"from a latin-1 name\"}\n"u8);
        }

        CliRun.Ok("run", dir["in"], "--out", dir["r"], "--no-report", "--no-filters");
        var doc = Assert.Single(Records(dir["r"], "documents"));
        Assert.Equal("caf\\xE9.jsonl:1", doc["id"]!.GetValue<string>());
        Assert.Equal("from a latin-1 name", doc["text"]!.GetValue<string>());
    }

    [UnprivilegedRunFact]
    public void AFolderThatCannotBeReadIsAReadErrorAndTheRunGoesOn()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Record);
        dir.Write("in/locked/b.jsonl", Record);
        File.SetUnixFileMode(dir["in/locked"], UnixFileMode.None);
        try
        {
            // Permissions do not bind root: then the command runs as an unprivileged user.
            var (code, error) = RunAsUnprivileged(dir, ["run", dir["in"], "--out", dir["r"], "-q", "--no-report", "--no-filters"]);
            Assert.True(code == 0, error);
            var rejected = Assert.Single(Records(dir["r"], "rejected"));
            Assert.Equal(RejectionReasons.ReadError, rejected["reason"]!.GetValue<string>());
            Assert.Equal("locked/", rejected["source"]!["file"]!.GetValue<string>());
            Assert.Single(Records(dir["r"], "documents"));
        }
        finally
        {
            File.SetUnixFileMode(dir["in/locked"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void FormatsNotReadYetAreCountedAndNamed()
    {
        using var dir = new TempDir();
        dir.Write("in/a.jsonl", Record);
        foreach (var name in new[] { "b.zst", "c.bz2", "d.xz", "e.lz4", "f.avro" })
        {
            dir.Write("in/" + name, [1, 2, 3]);
        }

        dir.Write("in/logo.png", [137, 80]);
        var (code, output, _) = CliRun.Winnow("run", dir["in"], "--out", dir["r"], "-q", "--no-report", "--no-filters");
        Assert.Equal(0, code);
        var stats = RunOutputReader.Stats(dir["r"]);
        Assert.Equal(5, Long(stats["skipped_files"]![SkippedFileReasons.UnsupportedType]!["files"]));
        Assert.Equal(1, Long(stats["skipped_files"]![SkippedFileReasons.OtherType]!["files"]));
        Assert.Contains("unsupported_type", output, StringComparison.Ordinal);
        Assert.Contains("c.bz2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFolderSaysSo()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["in"]);
        CliRun.Fails(1, "the folder is empty", "run", dir["in"], "--out", dir["r"]);
    }

    [Fact]
    public void AGlobThatMatchesNothingSaysSo()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", "text");
        CliRun.Fails(1, "--glob '**/*.md' matches no file", "run", dir["in"], "--out", dir["r"], "--glob", "**/*.md");
    }

    [Fact]
    public void AFolderOfOtherFilesSaysWhatItHolds()
    {
        using var dir = new TempDir();
        dir.Write("in/notes.docx", [1]);
        CliRun.Fails(1, "no file of a type Winnow reads", "run", dir["in"], "--out", dir["r"]);
    }

    [Fact]
    public void AnEmptyFolderBesideAnotherInputIsANote()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["empty"]);
        var input = dir.Write("a.jsonl", Record);
        var (code, output, _) = CliRun.Winnow("run", input, dir["empty"], "--out", dir["r"], "-q", "--no-report", "--no-filters");
        Assert.Equal(0, code);
        Assert.Contains("note: ", output, StringComparison.Ordinal);
        Assert.Contains("the folder is empty", RunOutputReader.Stats(dir["r"])["notes"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void Exec(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Runs the command in a child process as an unprivileged user when this one is root (setpriv), else in-process.</summary>
    private static (int Code, string Error) RunAsUnprivileged(TempDir dir, string[] args)
    {
        if (Environment.UserName != "root")
        {
            var (code, _, error) = CliRun.Winnow(args);
            return (code, error);
        }

        // Debian's util-linux has setpriv; the CI machine is Debian.
        Assert.True(File.Exists("/usr/bin/setpriv"), "setpriv is needed to run the command as an unprivileged user");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Path.GetDirectoryName(dir.Path)!, (UnixFileMode)0b111_111_111);
        var start = new ProcessStartInfo("/usr/bin/setpriv") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "dotnet",
            Path.Combine(AppContext.BaseDirectory, "Winnow.Cli.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }
}

/// <summary>A fact that needs a Unix file system (FIFOs, sockets, links, byte names).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
    }
}

/// <summary>A theory that needs a Unix file system.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
    }
}

/// <summary>
/// A fact that runs the command as a user without privileges (permissions do not bind root). As
/// root that needs setpriv, and an unprivileged user must be able to reach the built command: a
/// checkout inside a private folder (mktemp -d makes them mode 700) skips rather than have the
/// test change the permissions of folders it did not make.
/// </summary>
public sealed class UnprivilegedRunFactAttribute : FactAttribute
{
    public UnprivilegedRunFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs a Unix file system";
        }
        else if (Environment.UserName == "root" && !File.Exists("/usr/bin/setpriv"))
        {
            Skip = "running as root without setpriv (util-linux) to run the command as another user";
        }
        else if (Environment.UserName == "root" && FirstPrivateAncestor(AppContext.BaseDirectory) is { } folder)
        {
            Skip = $"{folder} is not searchable by other users, so an unprivileged user cannot run the built command";
        }
    }

    private static string? FirstPrivateAncestor(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
