using System.Text;
using ChainBot.Cli.Webhooks;
using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Tests.Webhooks;

/// <summary>Reading a transcript into request bodies: bytes as written, line numbers as replay counts them.</summary>
public class TranscriptBodiesTests
{
    private const string A = """{"msgId":"a","groupId":"g","senderId":"u","time":"2022-04-18T08:00:00+08:00","text":"一"}""";
    private const string B = """{"msgId":"b","groupId":"g","senderId":"u","time":"2022-04-18T08:00:00+08:00","text":"二"}""";

    private static TranscriptBodies Read(string text) => TranscriptBodies.Read("t.jsonl", Encoding.UTF8.GetBytes(text));

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Lines_end_as_ReadLine_ends_them_and_keep_their_bytes(string end)
    {
        string text = A + end + end + "  " + end + B + end;

        var bodies = Read(text);

        Assert.That(bodies.Messages.Select(static message => Encoding.UTF8.GetString(message.Body)), Is.EqualTo(new[] { A, B }));
        // The numbers replay gives the same lines.
        var replay = TranscriptReader.Read(new StringReader(text)).Select(static line => line.LineNumber);
        Assert.That(bodies.Messages.Select(static message => message.LineNumber), Is.EqualTo(replay));
        Assert.That(bodies.Messages.Select(static message => message.Rewritten), Has.All.False);
    }

    [Test]
    public void The_last_line_needs_no_line_end()
    {
        var bodies = Read(A + "\n" + B);

        Assert.That(bodies.Messages.Select(static message => message.MsgId), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Bad_lines_are_kept_aside_with_their_numbers_and_reasons()
    {
        var bodies = Read(A + "\n[1,2]\n" + """{"msgId":"c","time":"2022-04-18T08:00:00+08:00"}""" + "\n" + B);

        Assert.That(bodies.Messages.Select(static message => message.MsgId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(bodies.BadLines.Select(static line => (line.LineNumber, line.Error)),
            Is.EqualTo(new[] { (2, TranscriptErrors.NotAnObject), (3, TranscriptErrors.MissingText) }));
    }

    [Test]
    public void A_line_without_a_msgId_is_rewritten_with_line_N_first_and_the_rest_unchanged()
    {
        const string noId = """{"msgId":null, "groupId":"g","senderId":"u","time":"2022-04-18T08:00:00+08:00","text":"三\n\"引号\"","mentioned":true}""";

        var message = Read(A + "\n" + noId + "\n").Messages[1];

        Assert.That(message.Rewritten, Is.True);
        Assert.That(message.MsgId, Is.EqualTo("line-2"));
        Assert.That(message.Message.MsgId, Is.EqualTo("line-2"));
        Assert.That(Encoding.UTF8.GetString(message.Body), Is.EqualTo(
            """{"msgId":"line-2","groupId":"g","senderId":"u","time":"2022-04-18T08:00:00+08:00","text":"三\n\"引号\"","mentioned":true}"""));
    }

    [Test]
    public void A_numeric_msgId_is_kept_as_written()
    {
        const string numeric = """{"msgId":12345,"groupId":"g","senderId":"u","time":"2022-04-18T08:00:00+08:00","text":"四"}""";

        var message = Read(numeric).Messages.Single();

        Assert.That(message.MsgId, Is.EqualTo("12345"));
        Assert.That(message.Rewritten, Is.False);
        Assert.That(Encoding.UTF8.GetString(message.Body), Is.EqualTo(numeric));
    }
}
