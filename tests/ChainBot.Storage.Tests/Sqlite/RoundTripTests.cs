using System.Collections.Immutable;
using ChainBot.Core.Messages;

namespace ChainBot.Storage.Tests.Sqlite;

public class RoundTripTests : StoreTestBase
{
    private static readonly IncomingMessage Native = new(
        "msg-native-1",
        "group@chatroom",
        "wxid_leader",
        "团长 🍅 Lily",
        new DateTimeOffset(2022, 4, 18, 21, 5, 7, 123, TimeSpan.FromHours(8)).AddTicks(4567),
        "#接龙\n4月18日 蔬菜套餐 68元/份\r\n\n1. 12号301 王阿姨 1份 🥬🥕\n2. 15-502 李 \"两份\" \\ 备注\t👨‍👩‍👧",
        Mentioned: true,
        Solitaire: new Solitaire(
        [
            new SolitaireItem("20-11", "wxid_wang", new DateTimeOffset(2022, 4, 18, 21, 0, 0, TimeSpan.FromHours(8))),
            new SolitaireItem("32-14", null, null),
            new SolitaireItem(null, "wxid_li", new DateTimeOffset(2022, 4, 18, 13, 1, 2, TimeSpan.Zero)),
        ]));

    [Test]
    public async Task The_stored_json_is_readable_chinese_with_the_times_offset()
    {
        var store = Open();
        await store.AcceptAsync(Inbox(Native));
        await store.DisposeAsync();

        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM inbox";
        var json = (string)command.ExecuteScalar()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Contain("蔬菜套餐"));
            Assert.That(json, Does.Contain("\"time\":\"2022-04-18T21:05:07.1234567+08:00\""));
            Assert.That(json, Does.Contain("\"msgId\":\"msg-native-1\""));
        }
    }
}
