using ChainBot.Server.Tests.Support;
using ChainBot.Tests.Shared;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Tests.Storage;

/// <summary>
/// The bot on PostgreSQL (<c>ChainBot:Storage:Provider=Postgres</c>): the same endpoints, pipeline and outbox, with
/// the inbox and outbox in a database of the test's own; and the start refused, naming the key, without a usable
/// connection string.
/// </summary>
public class PostgresStorageTests : ServerTestBase
{
    private static string[] OnPostgres(PostgresTestDatabase database, params string[] configuration) =>
    [
        "ChainBot:Storage:Provider=Postgres",
        "ChainBot:Storage:Postgres:ConnectionString=" + database.ConnectionString,
        .. configuration,
    ];

    [Test]
    public async Task A_chain_and_a_tally_command_round_trip_through_postgres_and_survive_a_restart()
    {
        var database = DisposeAtTearDown(await PostgresTestDatabase.CreateAsync());
        var sink = await StartSinkAsync();
        string[] configuration = OnPostgres(database, "ChainBot:Groups:g_pg:Coordinators:0=" + Conversation.Coordinator);
        var bot = await StartBotAsync(sink, configuration);
        var group = new Conversation("g_pg", "pg");
        var messages = group.OpenedCopiedTwiceAndTallied();

        foreach (var message in messages)
            Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"));
        Assert.That(await bot.PostAcceptedAsync(messages[1]), Is.EqualTo("duplicate"), "a bridge delivering it again");
        var tally = await sink.WaitForReplyAsync("the 统计 reply", reply => reply.InReplyTo == messages[3].MsgId);
        await bot.WaitIdleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bot.Store, Is.InstanceOf<ChainBot.Storage.Postgres.PostgresChainBotStore>());
            Assert.That(tally.Text, Does.StartWith("【4月18日 天山三村 蔬菜套餐团购】"));
            Assert.That(tally.Text, Does.Contain("共2户"));
            Assert.That(tally.Text, Does.Contain("蔬菜套餐 3份，¥204"));
            Assert.That(ExpectedReplies.Of(tally).ToString(), Is.EqualTo(
                ExpectedReplies.For(messages.Select(m => m.ToIncoming()), [Conversation.Coordinator]).Single().ToString()));
            Assert.That(sink.Posted, Has.Count.EqualTo(1));
        }

        // A new host on the same database rebuilds the group from its history: a line added now counts with the rest.
        await bot.DisposeAsync();
        var second = await StartBotAsync(sink, configuration);
        var more = group.Say("u_chen", Conversation.Chain("1. 12号301 王阿姨 1份", "2. 15-502 李 2份", "3. 3号楼201 陈先生 1份"));
        var again = group.Say(Conversation.Coordinator, "统计");
        Assert.That(await second.PostAcceptedAsync(messages[2]), Is.EqualTo("duplicate"), "the inbox outlives the host");
        await second.PostAcceptedAsync(more);
        await second.PostAcceptedAsync(again);
        var after = await sink.WaitForReplyAsync("the second 统计 reply", reply => reply.InReplyTo == again.MsgId);

        Assert.That(after.Text, Does.Contain("共3户"));
        Assert.That(after.Text, Does.Contain("蔬菜套餐 4份，¥272"));
    }

    [Test]
    public async Task Postgres_without_a_connection_string_stops_the_start_and_names_the_key()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Storage:Provider=Postgres"],
        }));

        Assert.That(failure!.Message, Is.EqualTo("ChainBot:Storage:Postgres:ConnectionString is missing: it is required when ChainBot:Storage:Provider is Postgres"));
    }

    [Test]
    public async Task A_malformed_connection_string_stops_the_start_without_showing_it()
    {
        const string Secret = "hunter2-secret";
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Storage:Provider=Postgres", $"ChainBot:Storage:Postgres:ConnectionString=Host=127.0.0.1;Pasword={Secret}"],
        }));

        Assert.That(failure!.Message, Does.StartWith("ChainBot:Storage:Postgres:ConnectionString is not a valid connection string"));
        Assert.That(failure.Message, Does.Not.Contain(Secret));
    }
}
