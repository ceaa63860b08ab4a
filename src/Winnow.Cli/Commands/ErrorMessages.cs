using Winnow.Pipeline;

namespace Winnow.Cli.Commands;

/// <summary>
/// Turns any exception that ends a command into one line and an exit code (docs/cli.md): a user
/// sees what went wrong and what to do, never a stack trace. WINNOW_DEBUG=1 adds the trace.
/// </summary>
internal static class ErrorMessages
{
    /// <summary>Prints the line for <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(Exception error)
    {
        // Parallel loops wrap what a worker threw; the first inner error is the one to tell.
        // A type whose static setup failed (a native library not found) wraps the cause likewise.
        while (error is AggregateException { InnerExceptions.Count: > 0 } or TypeInitializationException { InnerException: not null })
        {
            error = error is AggregateException aggregate ? aggregate.InnerExceptions[0] : error.InnerException!;
        }

        var (code, line) = error switch
        {
            InputRejectedException => (ExitCodes.InputRejected, $"stopped at bad input (--on-error fail): {error.Message}"),
            OutputFolderInUseException or ArgumentException => (ExitCodes.Usage, error.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            UnauthorizedAccessException => (ExitCodes.Failed, $"permission denied: {error.Message}"),
            IOException when IsDiskFull(error) => (ExitCodes.Failed, $"the disk is full: {error.Message}; free space (or choose another --out) and run the same command again"),
            IOException or InvalidDataException or InvalidOperationException => (ExitCodes.Failed, error.Message),
            DllNotFoundException => (ExitCodes.Failed,
                $"a library the command needs cannot be loaded ({FirstSentence(error.Message)}); keep the command's files together: "
                + "the native build's folder holds Winnow.Cli with libMono.Unix.so beside it, and both must be copied"),
            _ => (ExitCodes.Failed, $"internal error ({error.GetType().Name}: {error.Message}); please report it with the command line (WINNOW_DEBUG=1 shows where it happened)"),
        };
        System.Console.Error.WriteLine("winnow: " + line);
        if (Environment.GetEnvironmentVariable("WINNOW_DEBUG") == "1")
        {
            System.Console.Error.WriteLine(error);
        }

        return code;
    }

    /// <summary>The loader's message up to its first full stop: which library; the advice and paths after it run to many lines.</summary>
    private static string FirstSentence(string message)
    {
        var line = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? line[..end] : line.TrimEnd('.');
    }

    // ENOSPC (28) and EDQUOT (122) on Linux; Windows' ERROR_DISK_FULL (0x70) and ERROR_HANDLE_DISK_FULL (0x27).
    private static bool IsDiskFull(Exception error) =>
        (error.HResult & 0xFFFF) is 28 or 122 or 0x70 or 0x27
        || error.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}
