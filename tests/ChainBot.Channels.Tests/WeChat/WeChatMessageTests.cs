using ChainBot.Channels.WeChat;

namespace ChainBot.Channels.Tests.WeChat;

public class WeChatMessageTests
{
    private static readonly WeChatMessage Text = new("gh_1", "oUser1", 1714037059, "text", "3号楼201 2份", "24567890123456789", null, null);

    [Test]
    public void Text_message_maps_to_an_incoming_message()
    {
        var incoming = Text.ToIncoming();

        Assert.That(incoming.MsgId, Is.EqualTo("24567890123456789"));
        Assert.That(incoming.GroupId, Is.EqualTo("oUser1"));
        Assert.That(incoming.SenderId, Is.EqualTo("oUser1"));
        Assert.That(incoming.SenderName, Is.Null);
        Assert.That(incoming.Text, Is.EqualTo("3号楼201 2份"));
        Assert.That(incoming.Mentioned, Is.True);
        Assert.That(incoming.Time, Is.EqualTo(new DateTimeOffset(2024, 4, 25, 17, 24, 19, TimeSpan.FromHours(8))));
        Assert.That(incoming.Time.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
    }

    [Test]
    public void A_mapping_function_picks_the_group()
    {
        var incoming = Text.ToIncoming(m => "compound-" + m.ToUserName);
        Assert.That(incoming.GroupId, Is.EqualTo("compound-gh_1"));
        Assert.That(incoming.SenderId, Is.EqualTo("oUser1"));
    }

    [Test]
    public void Event_is_deduplicated_by_sender_and_time()
    {
        var follow = new WeChatMessage("gh_1", "oUser1", 1714037059, "event", null, null, "subscribe", null);

        Assert.That(follow.IsEvent, Is.True);
        Assert.That(follow.DedupeKey, Is.EqualTo("oUser1:1714037059"));
        var incoming = follow.ToIncoming();
        Assert.That(incoming.MsgId, Is.EqualTo("oUser1:1714037059"));
        Assert.That(incoming.Text, Is.Empty);
    }
}
