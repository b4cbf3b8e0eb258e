using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChainBot.Server.Tests.Support;
using ChainBot.Tests.Shared;
using Npgsql;

namespace ChainBot.Server.Tests.Instances;

/// <summary>
/// Several instances on one PostgreSQL (README, "Running several instances"): three real server processes on
/// loopback, a bounded load across 50 groups posted to them at random with WeChat-style re-deliveries, one instance
/// SIGKILLed in the middle. At the end every acknowledged message is processed once and in its group's order, every
/// reply is delivered, and each group's replies (its final 统计 among them: the tally) are what Core's replay of the
/// acknowledged messages gives.
/// </summary>
[NonParallelizable]
public class SeveralInstancesTests
{
    private const string Secret = "several-instances-secret";
    private const int Groups = 50;
    private const int MessagesPerGroup = 40;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(80);

    [Test, CancelAfter(120_000)]
    public async Task Three_instances_share_one_database_and_survive_one_killed_mid_load()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var sink = await ReplySink.StartAsync(Secret);
        string workingDirectory = Directory.CreateTempSubdirectory("chainbot-instances-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ChainBot:Storage:Provider"] = "Postgres",
            ["ChainBot:Storage:Postgres:ConnectionString"] = database.ConnectionString,
            ["ChainBot:Channels:Generic:Secret"] = Secret,
            ["ChainBot:Channels:Generic:ReplyUrl"] = sink.ReplyUrl,
            // Short, so the killed instance's groups and replies are taken over within the test's bound.
            ["ChainBot:Instances:LeaseLength"] = "00:00:03",
            ["ChainBot:Instances:RenewInterval"] = "00:00:01",
            ["ChainBot:Instances:ClaimLength"] = "00:00:05",
            ["ChainBot:Outbox:AttemptTimeout"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Information",
        };
        var servers = new List<ServerProcess>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            for (int i = 0; i < 3; i++)
                servers.Add(ServerProcess.Start(workingDirectory, settings));
            foreach (var server in servers)
                await server.WaitReadyAsync(http, TimeSpan.FromSeconds(40));

            var load = LoadGenerator.Build(Groups, MessagesPerGroup);
            using var driver = new LoadDriver(http, servers, Secret, seed: 20221123);
            int half = load.Sum(g => g.Count) / 2;
            var killing = driver.KillAfterAsync(servers[0], half);
            var acknowledged = await driver.SendAsync(load);
            await killing;
            Assert.That(servers[0].Running, Is.False, "instance 0 was killed mid-load");

            // Everything acknowledged is processed and every reply sent, within the bound.
            await Eventually.UntilAsync("the inbox and the outbox to drain",
                () => WaitingAsync(database.ConnectionString), waiting => waiting == (0, 0), Bound - clock.Elapsed);

            await CheckAsync(database.ConnectionString, sink, acknowledged, driver);
            TestContext.Out.WriteLine($"{acknowledged.Sum(g => g.Value.Count)} messages acknowledged ({driver.Redeliveries} re-deliveries, {driver.Retried} retried after the kill), " +
                $"{sink.Posted.Count} replies posted in {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.That(clock.Elapsed, Is.LessThan(Bound + TimeSpan.FromSeconds(10)));
        }
        catch
        {
            foreach (var (server, i) in servers.Select((s, i) => (s, i)))
                TestContext.Out.WriteLine($"--- instance {i} ({server.Address}) ---\n{server.Output}");
            throw;
        }
        finally
        {
            foreach (var server in servers)
                server.Dispose();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static async Task<(long Messages, long Replies)> WaitingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM inbox WHERE processed_at IS NULL), (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task CheckAsync(string connectionString, ReplySink sink, IReadOnlyDictionary<string, List<ChatMessage>> acknowledged, LoadDriver driver)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Each group's processed history, in the order it was processed.
        var processed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT group_id, msg_id FROM inbox WHERE processed_at IS NOT NULL ORDER BY completion, id", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                (processed.TryGetValue(reader.GetString(0), out var list) ? list : processed[reader.GetString(0)] = []).Add(reader.GetString(1));
        }
        long stored = await ScalarAsync(connection, "SELECT count(*) FROM inbox");
        long parked = await ScalarAsync(connection, "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL");
        long queued = await ScalarAsync(connection, "SELECT count(*) FROM outbox");
        long leases = await ScalarAsync(connection, "SELECT count(DISTINCT holder) FROM group_leases");

        var posted = sink.Posted.ToDictionary(p => p.ReplyId, StringComparer.Ordinal);
        var repeated = sink.Posted.Where(p => p.Deliveries > 1).ToList();
        TestContext.Out.WriteLine($"replies delivered more than once: {repeated.Count} ({string.Join(", ", repeated.Select(r => r.ReplyId + "×" + r.Deliveries))}); lease holders seen at the end: {leases}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored, Is.EqualTo(acknowledged.Sum(g => g.Value.Count)), "every stored message was acknowledged, every acknowledged one stored once");
            Assert.That(parked, Is.Zero, "no reply given up");
            Assert.That(posted.Keys, Is.EquivalentTo(QueuedIds(connection)), "every queued reply posted");
            Assert.That(sink.Requests.Where(r => !r.SignatureValid), Is.Empty, "every reply signed");
            // The one window left open (README): a reply sent by the killed instance just before it could mark it.
            // One sending loop per instance, one instance killed: at most one reply can be sent twice.
            Assert.That(repeated.Sum(r => r.Deliveries - 1), Is.LessThanOrEqualTo(1), "at most the killed instance's one send in flight repeats");
            foreach (var (group, messages) in acknowledged)
            {
                Assert.That(processed.GetValueOrDefault(group), Is.EqualTo(messages.Select(m => m.MsgId)), $"{group}: processed once each, in acceptance order");
                var expected = ExpectedReplies.For(messages.Select(m => m.ToIncoming()));
                var got = sink.Posted.Where(p => p.GroupId == group).Select(ExpectedReplies.Of).Select(r => r.ToString());
                Assert.That(got, Is.EqualTo(expected.Select(r => r.ToString())), $"{group}: the replies (the final 统计: the tally) of a replay, in order");
            }
            Assert.That(queued, Is.EqualTo(posted.Count));
        }
        Assert.That(driver.Redeliveries, Is.GreaterThan(0), "the load re-delivered messages");
    }

    private static List<string> QueuedIds(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT reply_id FROM outbox", connection);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
