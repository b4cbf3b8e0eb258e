using System.Diagnostics;

namespace ChainBot.Storage.Tests.Sqlite;

/// A measurement, not a test: run by name (dotnet test --filter Name~Accepts_per_second) and read its output.
public class ThroughputTests : StoreTestBase
{
    [Explicit("a measurement: prints accepts per second, asserts nothing about speed")]
    [TestCase(10_000, 32)]
    [TestCase(2_000, 1)]
    public async Task Accepts_per_second(int messages, int callers)
    {
        var store = Open();
        await store.AcceptAsync(Inbox("warm-up"));
        int next = -1;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
                await store.AcceptAsync(Inbox("m" + i, "g" + (i % 20)));
        })));
        clock.Stop();

        var (commits, writes) = store.WriterStatistics;
        TestContext.Out.WriteLine($"{messages} accepts by {callers} callers in {clock.Elapsed.TotalSeconds:F2} s: "
            + $"{messages / clock.Elapsed.TotalSeconds:F0} accepts/s, {commits} commits of {(double)writes / commits:F1} writes on average");
        Assert.That(Scalar("SELECT count(*) FROM inbox"), Is.EqualTo(messages + 1));
    }
}
