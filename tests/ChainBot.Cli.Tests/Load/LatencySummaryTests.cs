using ChainBot.Cli.Load;

namespace ChainBot.Cli.Tests.Load;

public class LatencySummaryTests
{
    [Test]
    public void Percentiles_are_nearest_rank_in_milliseconds_and_ignore_requests_without_an_answer()
    {
        // 1..200 ms, shuffled, plus unanswered requests (-1).
        int[] micros = [.. Enumerable.Range(1, 200).Select(static ms => ms * 1000).OrderBy(static ms => (ms * 7919) % 211), -1, -1];

        var summary = LatencySummary.Of(micros);

        Assert.That(summary, Is.EqualTo(new LatencySummary(100, 180, 198, 200)));
    }

    [Test]
    public void No_answer_is_no_summary() => Assert.That(LatencySummary.Of([-1, -1]), Is.Null);

    [Test]
    public void One_answer_is_every_percentile() => Assert.That(LatencySummary.Of([2500]), Is.EqualTo(new LatencySummary(2.5, 2.5, 2.5, 2.5)));
}
