using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ChainBot.Server.Tests.Instances;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Crashes;

/// <summary>
/// The bot killed with SIGKILL (no shutdown, no flush) three times during a load of 10,000 messages, and started
/// again on the same SQLite file each time: every message acknowledged (2xx) is in the file and processed exactly
/// once, in the order it was accepted; every reply a replay of the accepted messages owes is posted, and each group's
/// final 统计 says what the replay says. A reply sent but not yet marked sent when the process died goes out again
/// after the restart: the bridge drops it by its reply id (as the contract asks), and the test counts such re-sends.
/// </summary>
/// <remarks>
/// The server is the Release build run as operators run it (<see cref="ServerProcess"/>), restarted on the same
/// loopback port; the load is <see cref="LoadGenerator"/>'s (the sample transcripts over 100 groups, each ending with
/// a 统计). The bridges post each group's messages in order, re-posting one until it is acknowledged (as the Wechaty
/// bridge does), at most <see cref="Bridges"/> requests at once.
/// </remarks>
public class CrashTests : ServerTestBase
{
    private const int Groups = 100;
    private const int MessagesPerGroup = 100;
    private const int Bridges = 32;
    private static readonly int[] KillAfterAcks = [2_500, 6_000, 8_500];
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    private readonly List<ServerProcess> _servers = [];

    /// Every server this test started is killed, passed or failed, before the base class deletes the folder.
    [TearDown]
    public void KillServers()
    {
        foreach (var server in _servers)
            server.Dispose();
        _servers.Clear();
    }

    [Test]
    public async Task Killed_three_times_under_load_it_loses_nothing_acknowledged_and_its_tallies_equal_the_replay()
    {
        var sink = await StartSinkAsync();
        int port = ServerProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["ChainBot:Storage:Sqlite:Path"] = DbPath,
            ["ChainBot:Channels:Generic:Secret"] = BotHost.TestSecret,
            ["ChainBot:Channels:Generic:ReplyUrl"] = sink.ReplyUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var load = LoadGenerator.Build(Groups, MessagesPerGroup);
        var acked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal); // msgId → the server (1 to 4) that acknowledged it
        int server = 1, failures = 0;
        using var deadline = new CancellationTokenSource(Bound);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Bridges })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), // every server of the run listens there
            Timeout = TimeSpan.FromSeconds(10),
        };
        var clock = Stopwatch.StartNew();
        // One bound for the whole run: each wait gets what is left of it.
        TimeSpan Left() => Bound - clock.Elapsed > TimeSpan.FromSeconds(1) ? Bound - clock.Elapsed : TimeSpan.FromSeconds(1);

        var process = await StartAsync(settings, port, client, Left());
        using var gate = new SemaphoreSlim(Bridges);
        var bridges = load.Select(group => Task.Run(async () =>
        {
            foreach (var message in group)
            {
                await gate.WaitAsync(deadline.Token);
                try
                {
                    // A bridge re-posts a message until the bot acknowledges it: while the bot is down, after a 5xx.
                    while (!await TryPostAsync(client, message, deadline.Token))
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(20, deadline.Token);
                    }
                    acked.TryAdd(message.MsgId, Volatile.Read(ref server));
                }
                finally
                {
                    gate.Release();
                }
            }
        })).ToArray();

        try
        {
            foreach (int threshold in KillAfterAcks)
            {
                await Eventually.UntilAsync($"{threshold} messages acknowledged", () => acked.Count, count => count >= threshold, Left());
                process.Kill();
                TestContext.Out.WriteLine($"Killed server {server} at {clock.Elapsed.TotalSeconds:0.0} s, after {acked.Count} acknowledgements; the sink had {sink.Requests.Count} requests.");
                Interlocked.Increment(ref server);
                process = await StartAsync(settings, port, client, Left());
            }
            await Eventually.WithinAsync("the bridges to post every message", Task.WhenAll(bridges), Left());
            int total = load.Sum(group => group.Count);
            TestContext.Out.WriteLine($"All {total} messages acknowledged at {clock.Elapsed.TotalSeconds:0.0} s; {failures} posts failed and were posted again.");

            var expected = load.ToDictionary(group => group[0].GroupId, group => ExpectedReplies.For(group.Select(m => m.ToIncoming())), StringComparer.Ordinal);
            int owed = expected.Values.Sum(replies => replies.Count);
            await Eventually.UntilAsync("the inbox and outbox to drain", () => PendingAsync(client), pending => pending is (0, 0), Left());
            await sink.WaitForPostedAsync(owed, Left());
            TestContext.Out.WriteLine($"Drained at {clock.Elapsed.TotalSeconds:0.0} s: {owed} replies owed, {sink.Posted.Count} posted, {sink.Requests.Count} requests at the sink.");

            var stored = InboxFile.MessageIds(DbPath);
            var storedAt = stored.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index, StringComparer.Ordinal);
            var posted = sink.Posted;
            var resent = posted.Where(reply => reply.Deliveries > 1).ToList();
            foreach (var reply in resent)
                TestContext.Out.WriteLine($"Reply {reply.ReplyId} was sent {reply.Deliveries} times (the sink, as a bridge, posted it once).");
            TestContext.Out.WriteLine($"{resent.Count} replies sent more than once over {KillAfterAcks.Length} kills.");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(acked.Keys.Where(id => !storedAt.ContainsKey(id)), Is.Empty, "acknowledged, yet not in the file");
                Assert.That(stored, Is.Unique, "a message stored twice");
                Assert.That(stored, Has.Count.EqualTo(total), "every message stored once");
                Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM inbox WHERE processed_at IS NULL"), Is.Zero, "messages left unprocessed");
                foreach (var group in load)
                {
                    string groupId = group[0].GroupId, tallyId = group[^1].MsgId;
                    Assert.That(group.Select(m => storedAt[m.MsgId]), Is.Ordered, groupId + ": accepted in the order its bridge posted");
                    // The sink keeps the first delivery of each reply id: what the group saw. Its order and text are the replay's.
                    Assert.That(posted.Where(r => r.GroupId == groupId).Select(r => ExpectedReplies.Of(r).ToString()),
                        Is.EqualTo(expected[groupId].Select(r => r.ToString())), groupId + ": the replies a replay of its accepted messages owes, each once, in order");
                    Assert.That(posted.Where(r => r.InReplyTo == tallyId).Select(r => r.Text),
                        Is.EqualTo(expected[groupId].Where(r => r.InReplyTo == tallyId).Select(r => r.Text)).And.Not.Empty, groupId + ": the final 统计 equals the replay's");
                }
                // Re-sends: a reply whose delivery and mark-sent straddled a kill. The sender sends one reply at a time,
                // so each kill can leave at most one; the bridge (here the sink) drops a reply id it has posted.
                Assert.That(resent, Has.Count.LessThanOrEqualTo(KillAfterAcks.Length), "replies sent more than once");
                Assert.That(resent.Select(r => r.Deliveries), Has.All.EqualTo(2), "a reply sent more than twice");
                Assert.That(sink.Requests.All(r => r.SignatureValid), Is.True);
            }
        }
        finally
        {
            await deadline.CancelAsync(); // a failed run leaves no bridge posting
        }
    }

    /// Starts a server on <paramref name="port"/> and waits (bounded) until it answers.
    private async Task<ServerProcess> StartAsync(Dictionary<string, string> settings, int port, HttpClient client, TimeSpan timeout)
    {
        var process = ServerProcess.Start(Folder, settings, port);
        _servers.Add(process);
        await process.WaitReadyAsync(client, timeout < TimeSpan.FromSeconds(60) ? timeout : TimeSpan.FromSeconds(60));
        return process;
    }

    /// Posts a message signed as a bridge does; true for a 2xx.
    private static async Task<bool> TryPostAsync(HttpClient client, ChatMessage message, CancellationToken cancellationToken)
    {
        byte[] body = message.ToJson();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/generic") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        string timestamp = Signing.Now();
        request.Headers.TryAddWithoutValidation(Signing.SignatureHeader, Signing.Signature(BotHost.TestSecret, timestamp, body));
        request.Headers.TryAddWithoutValidation(Signing.TimestampHeader, timestamp);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // the server died under the request, or is not up yet
        }
    }

    /// The server's own count of what waits (<c>/readyz</c>); (-1, -1) while it does not answer.
    private static async Task<(long Messages, long Replies)> PendingAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (json.RootElement.GetProperty("pendingMessages").GetInt64(), json.RootElement.GetProperty("pendingReplies").GetInt64());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (-1, -1);
        }
    }
}
