using System.Collections.Immutable;
using System.Xml.Linq;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Merging;

/// <summary>
/// WeChat's native 接龙 (wechat-protocol.md §5), from two messages laid out like a real capture: the structured data
/// decides who owns each entry, and an author's edit changes their entry.
/// </summary>
public class NativeJielongTests
{
    [Test]
    public void The_solitaire_data_decides_owners_and_an_author_s_edit_changes_their_entry()
    {
        var group = new GroupScript();
        var v1 = group.Send(Read("type53-v1.xml", "n1", new DateTimeOffset(2022, 4, 19, 9, 17, 0, TimeSpan.FromHours(8))));
        var v2 = group.Send(Read("type53-v2.xml", "n2", new DateTimeOffset(2022, 4, 19, 10, 0, 0, TimeSpan.FromHours(8))));

        Assert.That(v1.Events.OfType<EntryAdded>().Count(), Is.EqualTo(3));
        Assert.That(v2.Events.Select(e => e.GetType().Name), Is.EqualTo(new[] { "EntryChanged", "EntryAdded", "EntryAdded" }));
        var chain = group.Chain();
        Assert.That(chain.IsNative, Is.True);
        Assert.That(chain.Header.Title, Does.Contain("蔬菜包团购"));
        Assert.That(GroupScript.Dump(chain), Is.EqualTo("""
            1|12-301|王阿姨|蔬菜包=1包|active|wxid_wangayi12|
            2|12-1502|李|蔬菜包=3包|active|wxid_li1502|
            3|12-903|陈先生|蔬菜包=1包|active|wxid_chen0903|
            4|12-702|周🌸|蔬菜包=2包|active|wxid_zhou0702|
            5|12-204|刘奶奶|蔬菜包=1包|active|(wxid_volunteer12)|
            """));
        Assert.That(chain.Entry(2).Changed, Is.EqualTo(new Provenance("n2", "wxid_li1502", null, DateTimeOffset.FromUnixTimeSeconds(1650332400))));
        Assert.That(chain.Entry(2).Entry.Note, Is.EqualTo("放门口就行"));
        Assert.That(chain.Entry(5).Entry.OnBehalf, Is.True);
        Assert.That(chain.Entry(1).Added.Time, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1650330000)));
    }

    [Test]
    public void An_entry_its_author_deleted_is_kept_and_flagged()
    {
        var group = new GroupScript();
        var v2 = Read("type53-v2.xml", "n2", new DateTimeOffset(2022, 4, 19, 10, 0, 0, TimeSpan.FromHours(8)));
        group.Send(v2);
        // The same chain without 陈先生's entry: the solitaire lists the others only.
        var items = v2.Solitaire!.Items;
        group.Send(v2 with { MsgId = "n3", Solitaire = new Solitaire([.. items.RemoveAt(2)]) });

        Assert.That(GroupScript.Dump(group.Chain()).Split('\n')[2], Is.EqualTo("3|12-903|陈先生|蔬菜包=1包|active|wxid_chen0903|missing-from-latest"));
    }

    /// <summary>A bridge's message: the sender's wxid line, then the appmsg XML; title and solitaire as a bridge forwards them.</summary>
    private static IncomingMessage Read(string file, string msgId, DateTimeOffset time)
    {
        string raw = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ChainBot.Core.Tests", "Merging", "NativeJielong", file));
        string sender = raw[..raw.IndexOf(':', StringComparison.Ordinal)];
        var appmsg = XDocument.Parse(raw[(raw.IndexOf('\n', StringComparison.Ordinal) + 1)..]).Root!.Element("appmsg")!;
        string title = appmsg.Element("title")!.Value;
        var solitaire = XElement.Parse(appmsg.Element("extinfo")!.Element("solitaire_info")!.Value);
        var items = solitaire.Element("content")!.Elements("i").Select(i => new SolitaireItem(
            i.Element("r")!.Value, i.Element("u")!.Value, DateTimeOffset.FromUnixTimeSeconds(long.Parse(i.Element("t")!.Value, System.Globalization.CultureInfo.InvariantCulture))));
        return new IncomingMessage(msgId, "g1", sender, null, time, title, false, new Solitaire([.. items]));
    }
}
