namespace Winnow.Cli.Commands;

/// <summary>The command's exit codes, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int InputRejected = 2;
    public const int Failed = 3;
    public const int Cancelled = 130;
}
