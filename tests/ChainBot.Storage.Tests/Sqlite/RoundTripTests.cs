using ChainBot.Core.Messages;

namespace ChainBot.Storage.Tests.Sqlite;

public class RoundTripTests : StoreTestBase
{
    private static readonly IncomingMessage Native = Contract.RoundTripTests.Native;

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
