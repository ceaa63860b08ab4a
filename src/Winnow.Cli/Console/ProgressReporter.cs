using Spectre.Console;
using Winnow.Documents;
using Winnow.Pipeline;

namespace Winnow.Cli.Console;

/// <summary>
/// Shows a run's progress: a live bar on a terminal, plain periodic lines when output is
/// redirected (logs, CI), nothing with --quiet. Everything goes to standard error.
/// </summary>
internal sealed class ProgressReporter
{
    private const int RejectionsShown = 20;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private readonly IAnsiConsole? _console;
    private readonly bool _interactive;
    private readonly bool _quiet;
    private long _rejections;
    private TimeSpan _lastPlain;

    public ProgressReporter(bool quiet)
    {
        _quiet = quiet;
        // Probing the terminal costs tens of milliseconds: only when something may be drawn.
        _console = quiet || System.Console.IsErrorRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        _interactive = _console?.Profile.Capabilities.Interactive == true;
    }

    public long Rejections => _rejections;

    /// <summary>Runs <paramref name="work"/> with a progress sink that feeds the display.</summary>
    public T Run<T>(string label, Func<IProgress<RunProgress>?, T> work)
    {
        if (!_interactive)
        {
            return work(_quiet ? null : new Progress(PrintPlain));
        }

        return _console!.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1);
                return work(new Progress(p =>
                {
                    task.IsIndeterminate = p.InputBytesTotal <= 0;
                    task.MaxValue = Math.Max(1, p.InputBytesTotal);
                    task.Value = Math.Min(task.MaxValue, p.InputBytesRead);
                    task.Description = Markup.Escape($"{label}: {Describe(p, withEta: false)}");
                }));
            });
    }

    /// <summary>Prints the first rejections as they happen; the rest are counted.</summary>
    public void Rejected(Rejection rejection)
    {
        if (Interlocked.Increment(ref _rejections) <= RejectionsShown)
        {
            System.Console.Error.WriteLine($"winnow: rejected {rejection}");
        }
    }

    private void PrintPlain(RunProgress p)
    {
        if (p.Elapsed - _lastPlain < PlainInterval)
        {
            return;
        }

        _lastPlain = p.Elapsed;
        System.Console.Error.WriteLine($"winnow: {Describe(p, withEta: true)}");
    }

    internal static string Describe(RunProgress p, bool withEta)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-3);
        var mb = p.InputBytesRead / 1e6;
        var text = (p.Phase.Length > 0 ? p.Phase + ": " : "") + $"{p.Documents:N0} docs, {mb:N1} MB, {p.Documents / seconds:N0} docs/s, {mb / seconds:N1} MB/s";
        if (withEta && p.InputBytesTotal > 0 && p.InputBytesRead > 0)
        {
            var fraction = (double)p.InputBytesRead / p.InputBytesTotal;
            var eta = TimeSpan.FromSeconds(seconds * (1 - fraction) / fraction);
            text += $", {fraction * 100:F0}%, ETA {eta:hh\\:mm\\:ss}";
        }

        return text;
    }

    /// <summary>Calls back on the reporting thread, unlike System.Progress which posts to the pool.</summary>
    private sealed class Progress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
