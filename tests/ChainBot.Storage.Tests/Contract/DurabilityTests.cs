using System.Collections.Concurrent;

namespace ChainBot.Storage.Tests.Contract;

public class DurabilityTests(string store) : ContractTestBase(store)
{
    [Test]
    public async Task Everything_written_is_there_after_the_store_is_reopened()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1", "g1"));
        var m2 = await store.AcceptAsync(Inbox("m2", "g1"));
        var m3 = await store.AcceptAsync(Inbox("m3", "g2"));
        await store.CompleteAsync([m1.Id], [
            new OutboxReply("m1#1", "generic", "g1", "m1", ["wxid_m1"], "one"),
            new OutboxReply("m1#2", "generic", "g1", "m1", [], "two"),
            new OutboxReply("m1#3", "generic", "g1", "m1", [], "three"),
        ]);
        var replies = await store.DueRepliesAsync(Clock.Now, 10);
        await store.MarkSentAsync(replies[0].Id, Clock.Now);
        await store.RetryLaterAsync(replies[1].Id, Clock.Now.AddMinutes(1), "HTTP 503");
        await store.ParkAsync(replies[2].Id, "invalid key");
        await store.AddCoordinatorAsync("g1", "wxid_boss", Clock.Now);
        await CloseAsync(store);

        var reopened = Open();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await reopened.ProcessedAsync("g1")).Select(r => r.Id), Is.EqualTo(new[] { m1.Id }));
            Assert.That((await reopened.PendingAsync("g1", 10)).Select(r => r.Id), Is.EqualTo(new[] { m2.Id }));
            Assert.That(await reopened.PendingGroupsAsync(10), Is.EqualTo(new[] { "g1", "g2" }));
            Assert.That((await reopened.PendingAsync("g2", 10)).Select(r => r.Id), Is.EqualTo(new[] { m3.Id }));
            Assert.That(await reopened.DueRepliesAsync(Clock.Now, 10), Is.Empty);
            var later = await reopened.DueRepliesAsync(Clock.Now.AddMinutes(1), 10);
            Assert.That(later.Select(r => (r.Reply.ReplyId, r.Attempts, r.LastError)), Is.EqualTo(new[] { ("m1#2", 1, (string?)"HTTP 503") }));
            Assert.That((await reopened.CoordinatorsAsync("g1")).Select(c => c.SenderId), Is.EqualTo(new[] { "wxid_boss" }));
            Assert.That((await reopened.HealthAsync()).Counts(), Is.EqualTo(new StoreHealth(true, 2, 1, 1)));
            Assert.That(await reopened.AcceptAsync(Inbox("m1", "g1")), Is.EqualTo(new AcceptResult(m1.Id, true)));
            Assert.That((await reopened.AcceptAsync(Inbox("m4", "g1"))).Id, Is.GreaterThan(m3.Id));
        }
    }

}
