namespace Winnow.Tests.Support;

/// <summary>
/// Runs work on another thread and fails the test when it stops making progress: when the
/// progress counter it is given stays the same for <c>noProgress</c> (without a counter, when the
/// work has not ended in that time). A hang is a failure with a message, not a test run that never ends.
/// </summary>
internal static class Watchdog
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static T Run<T>(Func<T> work, TimeSpan noProgress, Func<string> describe, Func<long>? progress = null)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var last = long.MinValue;
        var still = TimeSpan.Zero;
        while (!task.Wait(Tick))
        {
            var now = progress?.Invoke() ?? 0;
            still = now == last ? still + Tick : TimeSpan.Zero;
            last = now;
            if (still >= noProgress)
            {
                Assert.Fail($"no progress for {noProgress.TotalSeconds:N0} s (a hang?) on {describe()}");
            }
        }

        return task.GetAwaiter().GetResult();
    }

    public static void Run(Action work, TimeSpan noProgress, Func<string> describe) =>
        Run(() =>
        {
            work();
            return 0;
        }, noProgress, describe);
}
