using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChainBot.Server.Telemetry;
using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChainBot.Server.Tests.Telemetry;

/// <summary>
/// The meter <c>ChainBot</c> and the activity source <c>ChainBot</c> on a real server: what a listener (an OpenTelemetry
/// exporter, <c>dotnet-counters</c>) sees as messages come in, are processed and answered.
/// </summary>
public class MetricsTests : ServerTestBase
{
    [Test]
    public async Task The_counters_move_as_messages_are_acknowledged_processed_and_answered()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, "ChainBot:Health:SampleInterval=00:00:00.100");
        var meter = bot.App.Services.GetRequiredService<ChainBotMetrics>().Meter;
        var totals = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var channels = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        // This server's meter only: every host has its own (IMeterFactory).
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, sum) => instrument is ObservableGauge<long> ? value : sum + value);
            foreach (var tag in tags)
            {
                if (tag.Key == "channel")
                    channels.Add((string)tag.Value!);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "chainbot.ack.duration")
                latencies.Add(value);
            else
                totals[instrument.Name] = value;
        });
        listener.Start();
        var spans = new ConcurrentBag<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChainBotActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => spans.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(activities);

        var group = new Conversation("g_metrics", "metrics");
        var opening = group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份", "2. 12号 903 周 2斤"));
        await bot.PostAcceptedAsync(opening);
        await bot.PostAcceptedAsync(group.Say("u_li", "15-502 李 2份"));
        Assert.That(await bot.PostAcceptedAsync(opening), Is.EqualTo("duplicate"));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));
        await sink.WaitForPostedAsync(1);
        await bot.WaitIdleAsync();
        await Eventually.UntilAsync("the processed counter", () => totals.GetValueOrDefault("chainbot.messages.processed"), processed => processed >= 3);
        listener.RecordObservableInstruments();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(totals.GetValueOrDefault("chainbot.messages.received"), Is.EqualTo(4), "acknowledged, the duplicate included");
            Assert.That(channels.Distinct(), Is.EqualTo(new[] { "generic" }));
            Assert.That(latencies, Has.Count.EqualTo(4).And.All.GreaterThan(0), "one acknowledgement latency per request");
            Assert.That(totals.GetValueOrDefault("chainbot.messages.processed"), Is.EqualTo(3), "the duplicate is not processed again");
            Assert.That(totals.GetValueOrDefault("chainbot.messages.failed"), Is.Zero);
            Assert.That(totals.GetValueOrDefault("chainbot.parser.unread_lines"), Is.EqualTo(1), "周's 2斤 against a chain sold by the 份");
            Assert.That(totals.ContainsKey("chainbot.outbox.backlog"), Is.True, "the gauges report the last health sample");
            Assert.That(spans, Does.Contain("accept").And.Contain("process group").And.Contain("send reply"));
        }
    }
}
