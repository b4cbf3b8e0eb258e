namespace ChainBot.Storage.Tests.Contract;

/// Outbox claims: two claimers never hold the same reply, a group's replies stay with one claimer in order, and a
/// claim that runs out (its instance died) makes the replies due again.
public class ClaimTests(string store) : ContractTestBase(store)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    private async Task<IChainBotStore> QueueAsync(params (string Group, int Count)[] groups)
    {
        var store = Open();
        foreach (var (group, count) in groups)
        {
            var m = await store.AcceptAsync(Inbox("m-" + group, group));
            await store.CompleteAsync([m.Id], [.. Enumerable.Range(1, count).Select(i => new OutboxReply($"{group}#{i}", "generic", group, "m-" + group, [], "part " + i))]);
        }
        return store;
    }

    private static string[] Ids(IReadOnlyList<OutboxRecord> records) => [.. records.Select(r => r.Reply.ReplyId)];

    [Test]
    public async Task Two_claimers_never_get_the_same_reply_and_a_group_stays_with_one()
    {
        var store = await QueueAsync(("g1", 3), ("g2", 2));

        var a = await store.ClaimDueRepliesAsync("a", Clock.Now, 2, ClaimFor);
        var b = await store.ClaimDueRepliesAsync("b", Clock.Now, 10, ClaimFor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(a), Is.EqualTo(new[] { "g1#1", "g1#2" }));
            Assert.That(Ids(b), Is.EqualTo(new[] { "g2#1", "g2#2" }), "g1#3 waits behind a's claims on g1");
            Assert.That(Ids(await store.ClaimDueRepliesAsync("a", Clock.Now, 10, ClaimFor)), Is.EqualTo(new[] { "g1#1", "g1#2", "g1#3" }), "a claims its own again, and the rest of g1");
        }
    }

    [Test]
    public async Task Claimers_at_once_share_the_outbox_without_overlap()
    {
        var first = await QueueAsync([.. Enumerable.Range(1, 20).Select(g => ($"g{g}", 3))]);
        // Another instance on the same database; SQLite is one process's, so its claimers share one store.
        var second = Kind == "Sqlite" ? first : Open();
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).ClaimDueRepliesAsync("c" + i, Clock.Now, 7, ClaimFor)));

        var claimed = claims.SelectMany(Ids).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimed, Is.Unique);
            Assert.That(claimed, Has.Length.EqualTo(42), "60 due, 6 claimers of 7");
            var groupsPerClaimer = claims.SelectMany((c, i) => c.Select(r => (r.Reply.GroupId, Claimer: i))).Distinct()
                .GroupBy(x => x.GroupId).Where(g => g.Count() > 1).Select(g => g.Key);
            Assert.That(groupsPerClaimer, Is.Empty, "a group's replies stay with one claimer");
        }
    }

    [Test]
    public async Task A_claim_that_runs_out_makes_its_replies_due_for_another_claimer()
    {
        var store = await QueueAsync(("g1", 2));
        Assert.That(Ids(await store.ClaimDueRepliesAsync("a", Clock.Now, 10, ClaimFor)), Has.Length.EqualTo(2));

        Assert.That(await store.ClaimDueRepliesAsync("b", Clock.Now + ClaimFor - TimeSpan.FromSeconds(1), 10, ClaimFor), Is.Empty, "a's claims cover them");
        Assert.That(Ids(await store.ClaimDueRepliesAsync("b", Clock.Now + ClaimFor, 10, ClaimFor)), Is.EqualTo(new[] { "g1#1", "g1#2" }), "a died: b sends them");
    }

    [Test]
    public async Task A_sent_retried_or_parked_reply_ends_its_claim()
    {
        var store = await QueueAsync(("g1", 1), ("g2", 1), ("g3", 1));
        var a = await store.ClaimDueRepliesAsync("a", Clock.Now, 10, ClaimFor);

        await store.MarkSentAsync(a[0].Id, Clock.Now);
        await store.RetryLaterAsync(a[1].Id, Clock.Now.AddSeconds(5), "HTTP 500");
        await store.ParkAsync(a[2].Id, "gone");

        Assert.That(await store.ClaimDueRepliesAsync("b", Clock.Now, 10, ClaimFor), Is.Empty, "g2's waits for its retry");
        Assert.That(Ids(await store.ClaimDueRepliesAsync("b", Clock.Now.AddSeconds(5), 10, ClaimFor)), Is.EqualTo(new[] { "g2#1" }), "retried by anyone");
    }

    [Test]
    public async Task A_reply_another_instance_claimed_is_not_taken_as_a_passive_reply()
    {
        var store = await QueueAsync(("g1", 2));
        await store.ClaimDueRepliesAsync("a", Clock.Now, 1, ClaimFor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.TryTakeAsync("g1#1", "b", Clock.Now), Is.False, "a may be sending it");
            Assert.That(await store.TryTakeAsync("g1#1", "a", Clock.Now), Is.True, "a's own claim does not stop a");
            Assert.That(await store.TryTakeAsync("g1#2", "b", Clock.Now), Is.True, "unclaimed");
        }
        Assert.That(await store.ClaimDueRepliesAsync("b", Clock.Now, 10, ClaimFor), Is.Empty, "both taken");
    }
}
