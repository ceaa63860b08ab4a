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
        while (error is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            error = aggregate.InnerExceptions[0];
        }

        var (code, line) = error switch
        {
            InputRejectedException => (ExitCodes.InputRejected, $"stopped at bad input (--on-error fail): {error.Message}"),
            OutputFolderInUseException or ArgumentException => (ExitCodes.Usage, error.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled"),
            UnauthorizedAccessException => (ExitCodes.Failed, $"permission denied: {error.Message}"),
            IOException when IsDiskFull(error) => (ExitCodes.Failed, $"the disk is full: {error.Message}; free space (or choose another --out) and run the same command again"),
            IOException or InvalidDataException or InvalidOperationException => (ExitCodes.Failed, error.Message),
            _ => (ExitCodes.Failed, $"internal error ({error.GetType().Name}: {error.Message}); please report it with the command line (WINNOW_DEBUG=1 shows where it happened)"),
        };
        System.Console.Error.WriteLine("winnow: " + line);
        if (Environment.GetEnvironmentVariable("WINNOW_DEBUG") == "1")
        {
            System.Console.Error.WriteLine(error);
        }

        return code;
    }

    // ENOSPC (28) and EDQUOT (122) on Linux; Windows' ERROR_DISK_FULL (0x70) and ERROR_HANDLE_DISK_FULL (0x27).
    private static bool IsDiskFull(Exception error) =>
        (error.HResult & 0xFFFF) is 28 or 122 or 0x70 or 0x27
        || error.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
}
