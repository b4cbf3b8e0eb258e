using System.Text.Json;
using ChainBot.Cli.Output;
using ChainBot.Core.Chains;

namespace ChainBot.Cli.Tests.Output;

public class EntryJsonEncoderTests
{
    private static JsonElement Encode(ChainEntry entry)
    {
        var bytes = new EntryJsonEncoder().Encode(entry).ToArray();
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    [TestCase("plain 王阿姨")]
    [TestCase("quote \" and backslash \\")]
    [TestCase("line\nbreak\r\ttab\b\f")]
    [TestCase("control \u0001\u001F end")]
    [TestCase("emoji 🌸 and ｆｕｌｌ")]
    [TestCase("")]
    public void Strings_RoundTripThroughAJsonParser(string text)
    {
        var entry = new ChainEntry { Seq = 3, Name = text, Note = text, Line = text };

        var json = Encode(entry);

        Assert.That(json.GetProperty("name").GetString(), Is.EqualTo(text));
        Assert.That(json.GetProperty("note").GetString(), Is.EqualTo(text));
        Assert.That(json.GetProperty("line").GetString(), Is.EqualTo(text));
    }

    [Test]
    public void LoneSurrogate_BecomesTheReplacementCharacter()
    {
        var json = Encode(new ChainEntry { Line = "a\uD83Db" });

        Assert.That(json.GetProperty("line").GetString(), Is.EqualTo("a\uFFFDb"));
    }

    [Test]
    public void Fields_FollowTheContract()
    {
        var entry = new ChainEntry
        {
            Seq = null,
            Address = new Address("一区", "12", "3", "301"),
            Name = null,
            Items = [new ItemQuantity("鸡蛋", 2, "盒"), new ItemQuantity("猪肉", 1.5m, "斤"), new ItemQuantity("牛奶", 2.0m, "箱")],
            Status = EntryStatus.Cancelled,
            OnBehalf = true,
            Line = "1. 一区12-3-301 鸡蛋2 猪肉1.5斤 牛奶2.0箱 取消",
        };

        var json = Encode(entry);

        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[]
            { "seq", "area", "building", "entrance", "room", "name", "items", "note", "status", "onBehalf", "line" }));
        Assert.That(json.GetProperty("seq").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.GetProperty("area").GetString(), Is.EqualTo("一区"));
        Assert.That(json.GetProperty("entrance").GetString(), Is.EqualTo("3"));
        Assert.That(json.GetProperty("name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That(json.GetProperty("onBehalf").GetBoolean(), Is.True);
        var items = json.GetProperty("items").EnumerateArray().ToArray();
        Assert.That(items.Select(i => i.GetProperty("quantity").GetRawText()), Is.EqualTo(new[] { "2", "1.5", "2.0" }));
        Assert.That(items.Select(i => i.GetProperty("unit").GetString()), Is.EqualTo(new[] { "盒", "斤", "箱" }));
    }

    [Test]
    public void PhoneNumbers_AreMaskedInFreeText()
    {
        var json = Encode(new ChainEntry { Name = "王 13812345678", Note = "电话13912345678", Line = "1. 12-301 王 13812345678" });

        Assert.That(json.GetRawText(), Does.Not.Contain("13812345678").And.Not.Contain("13912345678"));
        Assert.That(json.GetProperty("line").GetString(), Is.EqualTo("1. 12-301 王 138****5678"));
    }
}
