using ChainBot.Core.Messages;
using ChainBot.Core.Transcripts;
using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;

namespace ChainBot.Cli.Tests.Transcripts;

public class TranscriptReaderTests
{
    private const string Full =
        """{"msgId":"m1","groupId":"g1","senderId":"u1","senderName":"王阿姨","time":"2022-04-18T09:30:00+08:00","text":"#接龙\n1. 12号301 王阿姨 1份","mentioned":true}""";

    [Test]
    public void Reads_every_member_of_a_message()
    {
        var line = TranscriptReader.ReadLine(Full);

        Assert.That(line.IsMessage, Is.True, line.Error);
        var message = line.Message!;
        Assert.That(message.MsgId, Is.EqualTo("m1"));
        Assert.That(message.GroupId, Is.EqualTo("g1"));
        Assert.That(message.SenderId, Is.EqualTo("u1"));
        Assert.That(message.SenderName, Is.EqualTo("王阿姨"));
        Assert.That(message.Time, Is.EqualTo(new DateTimeOffset(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8))));
        Assert.That(message.Time.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
        Assert.That(message.Text, Is.EqualTo("#接龙\n1. 12号301 王阿姨 1份"));
        Assert.That(message.Mentioned, Is.True);
        Assert.That(message.Solitaire, Is.Null);
    }

    [Test]
    public void Only_text_and_time_are_required()
    {
        var line = TranscriptReader.ReadLine("""{"time":"2022-04-18T01:30:00Z","text":"hi"}""");

        Assert.That(line.IsMessage, Is.True, line.Error);
        Assert.That(line.Message!.MsgId, Is.Null);
        Assert.That(line.Message.SenderName, Is.Null);
        Assert.That(line.Message.Mentioned, Is.False);
        Assert.That(line.Message.Time, Is.EqualTo(new DateTimeOffset(2022, 4, 18, 1, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Numeric_ids_are_kept_as_text_and_unknown_members_skipped()
    {
        var line = TranscriptReader.ReadLine(
            """{"msgId":1234567890123,"extra":{"a":[1,2,{"b":null}]},"time":"2022-04-18T09:30:00+08:00","text":"x","future":true}""");

        Assert.That(line.IsMessage, Is.True, line.Error);
        Assert.That(line.Message!.MsgId, Is.EqualTo("1234567890123"));
        Assert.That(line.Message.Text, Is.EqualTo("x"));
    }

    [Test]
    public void Keeps_the_solitaire_member()
    {
        var line = TranscriptReader.ReadLine(
            """{"time":"2022-04-18T09:30:00+08:00","text":"#接龙","solitaire":{"items":[{"range":"20-11","userId":"wxid_a","time":1650270000},{"range":"31-9"}],"other":1}}""");

        Assert.That(line.IsMessage, Is.True, line.Error);
        var items = line.Message!.Solitaire!.Items;
        Assert.That(items, Has.Length.EqualTo(2));
        Assert.That(items[0], Is.EqualTo(new SolitaireItem("20-11", "wxid_a", DateTimeOffset.FromUnixTimeSeconds(1650270000))));
        Assert.That(items[1], Is.EqualTo(new SolitaireItem("31-9", null, null)));
    }

    [Test]
    public void A_solitaire_of_another_shape_does_not_cost_the_message()
    {
        var line = TranscriptReader.ReadLine("""{"time":"2022-04-18T09:30:00+08:00","text":"t","solitaire":"<solitaire/>"}""");

        Assert.That(line.IsMessage, Is.True, line.Error);
        Assert.That(line.Message!.Solitaire, Is.Null);
        Assert.That(line.Message.Text, Is.EqualTo("t"));
    }

    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":"x" """, TranscriptErrors.MalformedJson)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":"x"}}""", TranscriptErrors.MalformedJson)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":"x"} {"a":1}""", TranscriptErrors.MalformedJson)]
    [TestCase("not json at all", TranscriptErrors.MalformedJson)]
    [TestCase("""{'text':'x'}""", TranscriptErrors.MalformedJson)]
    [TestCase("""["2022-04-18T09:30:00+08:00","x"]""", TranscriptErrors.NotAnObject)]
    [TestCase("42", TranscriptErrors.NotAnObject)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00"}""", TranscriptErrors.MissingText)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":null}""", TranscriptErrors.MissingText)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":["a"]}""", TranscriptErrors.MissingText)]
    [TestCase("""{"text":"x"}""", TranscriptErrors.BadTime)]
    [TestCase("""{"time":"yesterday","text":"x"}""", TranscriptErrors.BadTime)]
    [TestCase("""{"time":"2022-04-18T09:30:00","text":"x"}""", TranscriptErrors.BadTime)]
    [TestCase("""{"time":"2022-02-30T09:30:00+08:00","text":"x"}""", TranscriptErrors.BadTime)]
    [TestCase("""{"time":1650245400,"text":"x"}""", TranscriptErrors.BadTime)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":"x","mentioned":"yes"}""", TranscriptErrors.BadField)]
    [TestCase("""{"time":"2022-04-18T09:30:00+08:00","text":"x","senderName":{"n":1}}""", TranscriptErrors.BadField)]
    public void Reports_why_a_line_is_bad(string json, string reason)
    {
        var line = TranscriptReader.ReadLine(json);

        Assert.That(line.IsMessage, Is.False);
        Assert.That(line.Message, Is.Null);
        Assert.That(line.Error, Is.EqualTo(reason));
    }

    [Test]
    public void Read_numbers_lines_skips_blank_ones_and_goes_on_past_bad_ones()
    {
        string transcript = "\uFEFF" + Full + "\n\n   \n{broken\n" + Full.Replace("m1", "m2", StringComparison.Ordinal) + "\r\n{\"text\":\"no time\"}\n";

        var lines = TranscriptReader.Read(new StringReader(transcript)).ToList();

        Assert.That(lines.Select(l => l.LineNumber), Is.EqualTo(new[] { 1, 4, 5, 6 }));
        Assert.That(lines[0].Message?.MsgId, Is.EqualTo("m1"), "a BOM before the first line is not part of the JSON");
        Assert.That(lines[1].Error, Is.EqualTo(TranscriptErrors.MalformedJson));
        Assert.That(lines[2].Message?.MsgId, Is.EqualTo("m2"));
        Assert.That(lines[3].Error, Is.EqualTo(TranscriptErrors.BadTime));
    }

    [Test]
    public void Read_is_lazy()
    {
        var reader = new CountingReader(Enumerable.Repeat(Full, 1000));

        var first = TranscriptReader.Read(reader).First();

        Assert.That(first.IsMessage, Is.True);
        Assert.That(reader.LinesRead, Is.EqualTo(1));
    }

    [Test]
    public void A_long_line_is_read_whole()
    {
        string text = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i}. 12号{i} 王 1份\n"));
        string json = $$"""{"time":"2022-04-18T09:30:00+08:00","text":{{System.Text.Json.JsonSerializer.Serialize(text)}}}""";

        var line = TranscriptReader.ReadLine(json);

        Assert.That(line.Message?.Text, Is.EqualTo(text));
    }

    [FsCheckProperty(MaxTest = 500)]
    public bool ReadLine_never_throws_and_gives_a_message_or_a_reason(string? line)
    {
        var result = TranscriptReader.ReadLine(line ?? string.Empty);
        return result.IsMessage ? result.Error is null : result.Error is not null;
    }

    [FsCheckProperty(MaxTest = 300)]
    public bool Any_text_survives_a_round_trip(string? text)
    {
        text ??= string.Empty;
        // Lone surrogates cannot be encoded as UTF-8 JSON; real messages never hold them.
        if (text.Any(char.IsSurrogate))
            return true;
        string json = $$"""{"time":"2022-04-18T09:30:00+08:00","text":{{System.Text.Json.JsonSerializer.Serialize(text)}}}""";
        return TranscriptReader.ReadLine(json).Message?.Text == text;
    }

    private sealed class CountingReader(IEnumerable<string> lines) : TextReader
    {
        private readonly IEnumerator<string> _lines = lines.GetEnumerator();

        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            if (!_lines.MoveNext())
                return null;
            LinesRead++;
            return _lines.Current;
        }
    }
}
