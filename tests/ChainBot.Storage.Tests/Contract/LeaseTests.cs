namespace ChainBot.Storage.Tests.Contract;

/// Group leases: one holder at a time, takeover after expiry, and a completion refused once the lease is lost.
public class LeaseTests(string store) : ContractTestBase(store)
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(30);

    private static OutboxReply Reply(string replyId) => new(replyId, "generic", "g1", replyId.Split('#')[0], [], "已登记");

    [Test]
    public async Task A_group_has_one_holder_until_its_lease_runs_out_then_another_takes_it_over()
    {
        var store = Open();

        var a = await store.TryLeaseGroupAsync("g1", "a", Clock.Now, Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a, Is.Not.Null);
            Assert.That(a!.ExpiresAt, Is.EqualTo(Clock.Now + Length));
            Assert.That(await store.TryLeaseGroupAsync("g1", "b", Clock.Now.AddSeconds(29), Length), Is.Null, "a holds it");
            Assert.That(await store.TryLeaseGroupAsync("g2", "b", Clock.Now, Length), Is.Not.Null, "another group is free");
            Assert.That(await store.TryLeaseGroupAsync("g1", "a", Clock.Now.AddSeconds(10), Length), Is.Not.Null, "its holder renews it");
        }

        var b = await store.TryLeaseGroupAsync("g1", "b", Clock.Now.AddSeconds(41), Length);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(b, Is.Not.Null, "a's renewed lease ran out at +40 s");
            Assert.That(await store.RenewLeaseAsync(a, Clock.Now.AddMinutes(5)), Is.False, "a lost it");
            Assert.That(await store.TryLeaseGroupAsync("g1", "a", Clock.Now.AddSeconds(42), Length), Is.Null, "b holds it now");
        }
    }

    [Test]
    public async Task A_renewed_lease_lasts_and_a_released_one_is_free_at_once()
    {
        var store = Open();
        var a = (await store.TryLeaseGroupAsync("g1", "a", Clock.Now, Length))!;

        Assert.That(await store.RenewLeaseAsync(a, Clock.Now.AddMinutes(2)), Is.True);
        Assert.That(await store.TryLeaseGroupAsync("g1", "b", Clock.Now.AddSeconds(90), Length), Is.Null, "renewed to +2 min");

        await store.ReleaseLeaseAsync(a);
        Assert.That(await store.TryLeaseGroupAsync("g1", "b", Clock.Now, Length), Is.Not.Null, "released");
        Assert.That(await store.RenewLeaseAsync(a, Clock.Now.AddMinutes(2)), Is.False, "a released it");
    }

    [Test]
    public async Task A_holder_that_lost_its_lease_completes_nothing()
    {
        var store = Open();
        var m1 = await store.AcceptAsync(Inbox("m1"));
        var m2 = await store.AcceptAsync(Inbox("m2"));
        var a = (await store.TryLeaseGroupAsync("g1", "a", Clock.Now, Length))!;

        Assert.That(await store.CompleteAsync(a, [m1.Id], [Reply("m1#1")]), Is.True, "a holds the lease");
        var b = (await store.TryLeaseGroupAsync("g1", "b", Clock.Now + Length, Length))!;
        bool late = await store.CompleteAsync(a, [m2.Id], [Reply("m2#1")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(late, Is.False, "a was too slow");
            Assert.That((await store.PendingAsync("g1", 10)).Select(r => r.Message.MsgId), Is.EqualTo(new[] { "m2" }), "m2 waits for b");
            Assert.That((await store.DueRepliesAsync(Clock.Now, 10)).Select(r => r.Reply.ReplyId), Is.EqualTo(new[] { "m1#1" }));
            Assert.That(await store.ProcessedCountAsync("g1"), Is.EqualTo(1));
        }
        Assert.That(await store.CompleteAsync(b, [m2.Id], [Reply("m2#1")]), Is.True);
        Assert.That(await store.ProcessedCountAsync("g1"), Is.EqualTo(2));
        Assert.That(await store.ProcessedCountAsync("g9"), Is.Zero);
    }

    [Test]
    public async Task A_lease_needs_a_group_a_holder_and_a_length()
    {
        var store = Open();
        Assert.That(async () => await store.TryLeaseGroupAsync("g1", "", Clock.Now, Length), Throws.ArgumentException);
        Assert.That(async () => await store.TryLeaseGroupAsync("", "a", Clock.Now, Length), Throws.ArgumentException);
        Assert.That(async () => await store.TryLeaseGroupAsync("g1", "a", Clock.Now, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
