using System.Text;
using System.Text.Json;
using ChainBot.Cli.Load;
using ChainBot.Cli.Webhooks;

namespace ChainBot.Cli.Tests.Load;

/// <summary>The bodies load sends: a new msgId and a rewritten groupId, everything else as the transcript says.</summary>
public class LoadBodiesTests
{
    private static readonly string[] Lines =
    [
        """{"msgId":"a","groupId":"天山\"三村\"","senderId":"u1","senderName":"王阿姨","time":"2022-04-18T08:00:00+08:00","text":"#接龙\n1. 12号301 王阿姨 1份","mentioned":false}""",
        """{"senderId":"u2","msgId":"b","time":"2022-04-18T08:05:00+08:00","text":"\u6539 2份","solitaire":{"items":[{"range":"0-4","userId":"wx","time":1650240000}]}}""",
    ];

    private static LoadBodies Create(int groups) =>
        LoadBodies.Create(TranscriptBodies.Read("t.jsonl", Encoding.UTF8.GetBytes(string.Join("\n", Lines))).Messages, groups, "abc123");

    [Test]
    public void Send_n_goes_to_group_n_mod_G_with_message_n_div_G_mod_M()
    {
        var bodies = Create(groups: 3);

        Assert.That(Enumerable.Range(0, 8).Select(n => (bodies.GroupOf(n), bodies.MessageOf(n))), Is.EqualTo(new[]
        {
            (0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (2, 1), (0, 0), (1, 0),
        }));
    }

    [TestCase(0)]
    [TestCase(4)]
    [TestCase(1234567890123)]
    public void A_body_is_the_message_with_its_own_msgId_and_group(long sequence)
    {
        var bodies = Create(groups: 3);

        byte[] body = bodies.Build(sequence);

        var json = JsonDocument.Parse(body).RootElement;
        var original = JsonDocument.Parse(Lines[bodies.MessageOf(sequence)]).RootElement;
        Assert.That(json.GetProperty("msgId").GetString(), Is.EqualTo($"load-abc123-{sequence}"));
        string group = original.TryGetProperty("groupId", out var g) ? g.GetString()! : "load";
        Assert.That(json.GetProperty("groupId").GetString(), Is.EqualTo($"{group}~abc123~{sequence % 3}"));
        var others = original.EnumerateObject().Where(static member => member.Name is not ("msgId" or "groupId")).ToList();
        Assert.That(json.EnumerateObject().Select(static member => member.Name), Is.EqualTo(new[] { "msgId", "groupId" }.Concat(others.Select(static member => member.Name))));
        foreach (var member in others)
            Assert.That(json.GetProperty(member.Name).ToString(), Is.EqualTo(member.Value.ToString()), member.Name);
        Assert.That(body.Length, Is.LessThanOrEqualTo(bodies.MaxLength));
        Assert.That(Encoding.UTF8.GetString(body), Does.Contain("王阿姨").Or.Contain("改 2份"), "Chinese is written as it is, not \\u-escaped");
    }

    [Test]
    public void A_message_of_nothing_but_its_ids_still_makes_an_object()
    {
        var message = TranscriptBodies.Read("t.jsonl", """{"msgId":"x","text":"t","time":"2022-04-18T08:00:00+08:00"}"""u8).Messages;
        var bodies = LoadBodies.Create(message, 1, "r");

        Assert.That(Encoding.UTF8.GetString(bodies.Build(7)), Is.EqualTo("""{"msgId":"load-r-7","groupId":"load~r~0","text":"t","time":"2022-04-18T08:00:00+08:00"}"""));
    }
}
