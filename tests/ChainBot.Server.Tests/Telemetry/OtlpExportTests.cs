using System.Collections.Concurrent;
using System.Text;
using ChainBot.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChainBot.Server.Tests.Telemetry;

/// <summary>
/// <c>ChainBot:Telemetry:Otlp:Endpoint</c> set: the bot's metrics and spans reach an OTLP collector — here a stand-in
/// on loopback that keeps what is posted to <c>/v1/metrics</c>, <c>/v1/traces</c> and <c>/v1/logs</c> (OTLP over HTTP, protobuf, whose
/// names are plain UTF-8 in the body). Disposing the bot flushes them, so the test need not wait for an export interval.
/// </summary>
public class OtlpExportTests : ServerTestBase
{
    [Test]
    public async Task With_an_endpoint_the_bots_metrics_and_spans_are_exported_over_otlp()
    {
        var received = new ConcurrentDictionary<string, ConcurrentBag<byte[]>>(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.GetOrAdd(signal, _ => []).Add(body.ToArray());
            return Results.Ok();
        });
        await collector.StartAsync();
        string endpoint = collector.Urls.Single();

        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, "ChainBot:Telemetry:Otlp:Endpoint=" + endpoint, "ChainBot:Telemetry:Otlp:Protocol=http/protobuf");
        var group = new Conversation("g_otlp", "otlp");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));
        await sink.WaitForPostedAsync(1);
        await bot.WaitIdleAsync();
        await bot.DisposeAsync(); // the providers, disposed with the host, flush what they hold
        TestContext.Out.WriteLine("received: " + string.Join(", ", received.Select(pair => $"{pair.Key} ×{pair.Value.Count}")));

        string metrics = Text(received.GetValueOrDefault("metrics"));
        string traces = Text(received.GetValueOrDefault("traces"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(metrics, Does.Contain("chainbot.messages.received").And.Contain("chainbot.messages.processed").And.Contain("chainbot.ack.duration"));
            Assert.That(metrics, Does.Contain("chainbot"), "the service name");
            Assert.That(traces, Does.Contain("accept").And.Contain("process group").And.Contain("send reply"));
            Assert.That(Text(received.Values.SelectMany(bodies => bodies)), Does.Not.Contain("王阿姨").And.Not.Contain("12号301"),
                "no message text leaves in telemetry (metrics, traces or the log records exported with them)");
        }
    }

    private static string Text(IEnumerable<byte[]>? bodies) =>
        bodies is null ? "" : string.Join("\n", bodies.Select(body => Encoding.UTF8.GetString(body)));
}
