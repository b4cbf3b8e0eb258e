using ChainBot.Core.Messages;

namespace ChainBot.Storage.Tests.Support;

/// Compares messages member by member: record equality compares an ImmutableArray by reference, and a time by
/// instant, where a round trip must keep the offset too.
internal static class MessageAssert
{
    public static void AreSame(IncomingMessage actual, IncomingMessage expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.MsgId, Is.EqualTo(expected.MsgId));
            Assert.That(actual.GroupId, Is.EqualTo(expected.GroupId));
            Assert.That(actual.SenderId, Is.EqualTo(expected.SenderId));
            Assert.That(actual.SenderName, Is.EqualTo(expected.SenderName));
            Assert.That(actual.Time, Is.EqualTo(expected.Time));
            Assert.That(actual.Time.Offset, Is.EqualTo(expected.Time.Offset));
            Assert.That(actual.Time.Ticks, Is.EqualTo(expected.Time.Ticks));
            Assert.That(actual.Text, Is.EqualTo(expected.Text));
            Assert.That(actual.Mentioned, Is.EqualTo(expected.Mentioned));
            Assert.That(actual.Solitaire is null, Is.EqualTo(expected.Solitaire is null), "solitaire present");
        }
        if (expected.Solitaire is null || actual.Solitaire is null)
            return;
        var a = actual.Solitaire.Items;
        var e = expected.Solitaire.Items;
        Assert.That(a, Has.Length.EqualTo(e.Length));
        for (int i = 0; i < e.Length; i++)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(a[i].Range, Is.EqualTo(e[i].Range));
                Assert.That(a[i].UserId, Is.EqualTo(e[i].UserId));
                Assert.That(a[i].Time, Is.EqualTo(e[i].Time));
                Assert.That(a[i].Time?.Offset, Is.EqualTo(e[i].Time?.Offset));
            }
        }
    }
}
