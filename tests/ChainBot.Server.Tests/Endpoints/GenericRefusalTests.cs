using System.Net;
using System.Text;
using System.Text.Json;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Endpoints;

/// <summary>
/// Requests the generic webhook refuses, each with its status and reason, and nothing of them stored: a signature
/// that is missing, wrong or stale (401), a body that is not a message (400), one over 64 KB (413). After each, a
/// good message still gets through, and it is the only row in the inbox.
/// </summary>
public class GenericRefusalTests : ServerTestBase
{
    private static readonly ChatMessage Good = new("m-good", "g_refuse", "u_wang", "王阿姨", ChatMessage.Morning, "统计");

    private static string Message(string fields) =>
        "{" + fields + ",\"senderName\":\"王阿姨\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"15-502 李 2份\"}";

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// A valid message's bytes with <paramref name="bad"/> spliced in where <paramref name="marker"/> was.
    private static byte[] Splice(string json, string marker, byte[] bad)
    {
        byte[] bytes = Utf8(json);
        byte[] at = Utf8(marker);
        int index = bytes.AsSpan().IndexOf(at);
        return [.. bytes[..index], .. bad, .. bytes[(index + at.Length)..]];
    }

    // name, body, how it is signed (headers made when the test runs, from the body; null: signed properly now),
    // status, a fragment of the reason (null: any), content type
    public static IEnumerable<TestCaseData> Refused()
    {
        byte[] good = Good.ToJson();
        static string Sign(byte[] body, string timestamp, string secret = BotHost.TestSecret) => Signing.Signature(secret, timestamp, body);
        static string Ago(int minutes) => Signing.Timestamp(DateTimeOffset.UtcNow.AddMinutes(-minutes));

        yield return Case("no signature header", good, sign: _ => (null, Signing.Now()), 401, "X-ChainBot-Signature header is missing");
        yield return Case("no timestamp header", good, sign: body => (Sign(body, Signing.Now()), null), 401, "X-ChainBot-Timestamp header is missing");
        yield return Case("signed with another secret", good, sign: body => (Sign(body, Signing.Now(), "not-the-secret"), Signing.Now()), 401, "does not match");
        yield return Case("signature of another body", good, sign: _ => (Sign(Utf8("{}"), Signing.Now()), Signing.Now()), 401, "does not match");
        yield return Case("signature not sha256= and hex", good, sign: _ => ("sha256=xyz", Signing.Now()), 401, "64 hex digits");
        yield return Case("timestamp not Unix seconds", good, sign: body => (Sign(body, "yesterday"), "yesterday"), 401, "not Unix seconds");
        yield return Case("timestamp six minutes old", good, sign: body => (Sign(body, Ago(6)), Ago(6)), 401, "old");
        yield return Case("timestamp six minutes ahead", good, sign: body => (Sign(body, Ago(-6)), Ago(-6)), 401, "in the future");

        yield return Case("malformed JSON", Utf8("{\"msgId\":\"m1\","), sign: null, 400, "malformed JSON");
        yield return Case("JSON that is not an object", Utf8("[1,2]"), sign: null, 400, "not a JSON object");
        yield return Case("an empty body", [], sign: null, 400, null);
        yield return Case("text/plain", good, sign: null, 400, "application/json", contentType: "text/plain");
        yield return Case("no content type", good, sign: null, 400, "application/json", contentType: null);
        yield return Case("form content type", good, sign: null, 400, "application/json", contentType: "application/x-www-form-urlencoded");
        yield return Case("invalid UTF-8 in the text", Splice(Message("\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\""), "李", [0xE6, 0x9D]), sign: null, 400, null);
        yield return Case("invalid UTF-8 in the sender's name", Splice(Message("\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\""), "王", [0xFF, 0xFE]), sign: null, 400, null);
        yield return Case("invalid UTF-8 in a member the bot does not read", Splice(Message("\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"extra\":\"X\""), "X", [0xC3, 0x28]), sign: null, 400, null);
        yield return Case("a UTF-16 surrogate encoded as UTF-8", Splice(Message("\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\""), "李", [0xED, 0xA0, 0x80]), sign: null, 400, null);
        yield return Case("JSON nested a thousand deep", Utf8("{\"msgId\":\"m1\",\"extra\":" + new string('[', 1000) + new string(']', 1000) + "}"), sign: null, 400, "malformed JSON");
        yield return Case("missing msgId", Utf8(Message("\"groupId\":\"g1\",\"senderId\":\"u1\"")), sign: null, 400, "missing msgId");
        yield return Case("empty msgId", Utf8(Message("\"msgId\":\"\",\"groupId\":\"g1\",\"senderId\":\"u1\"")), sign: null, 400, "missing msgId");
        yield return Case("missing groupId", Utf8(Message("\"msgId\":\"m1\",\"senderId\":\"u1\"")), sign: null, 400, "missing groupId");
        yield return Case("missing senderId", Utf8(Message("\"msgId\":\"m1\",\"groupId\":\"g1\"")), sign: null, 400, "missing senderId");
        yield return Case("missing time", Utf8("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"text\":\"统计\"}"), sign: null, 400, "time");
        yield return Case("missing text", Utf8("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\"}"), sign: null, 400, "text");
    }

    private static TestCaseData Case(string name, byte[] body, Func<byte[], (string? Signature, string? Timestamp)>? sign, int status, string? reason, string? contentType = "application/json") =>
        new TestCaseData(body, contentType, sign, status, reason).SetName(name.Replace(' ', '_'));

    [TestCaseSource(nameof(Refused))]
    public async Task Refused_and_nothing_stored(byte[] body, string? contentType, Func<byte[], (string? Signature, string? Timestamp)>? sign, int status, string? reason)
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        var headers = sign?.Invoke(body);

        using var response = headers is var (signature, timestamp)
            ? await bot.PostRawAsync(body, contentType, signature, timestamp, sign: false)
            : await bot.PostRawAsync(body, contentType);
        string answer = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(status), answer);
        string error = JsonDocument.Parse(answer).RootElement.GetProperty("error").GetString()!;
        Assert.That(error, Is.Not.Empty);
        if (reason is not null)
            Assert.That(error, Does.Contain(reason));
        Assert.That(error, Does.Not.Contain(Signing.Signature(BotHost.TestSecret, headers?.Timestamp ?? "", body)[7..]), "never the expected signature");
        await AssertOnlyTheGoodMessageIsStoredAsync(bot);
    }

    [Test]
    public async Task A_body_over_64_KB_is_refused_with_413_before_it_is_read()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        var large = Good with { MsgId = "m-large", Text = new string('菜', 22 * 1024) }; // three UTF-8 bytes each: 66 KB

        using var response = await bot.PostAsync(large);

        Assert.That(large.ToJson(), Has.Length.GreaterThan(64 * 1024));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        await AssertOnlyTheGoodMessageIsStoredAsync(bot);
    }

    [Test]
    public async Task A_chunked_body_over_64_KB_is_refused_with_413_too()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        byte[] body = (Good with { MsgId = "m-large", Text = new string('菜', 22 * 1024) }).ToJson();
        string timestamp = Signing.Now();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhook/generic") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true; // no Content-Length: the limit must hold while reading
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(Signing.SignatureHeader, Signing.Signature(BotHost.TestSecret, timestamp, body));
        request.Headers.Add(Signing.TimestampHeader, timestamp);

        using var response = await bot.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        await AssertOnlyTheGoodMessageIsStoredAsync(bot);
    }

    [Test]
    public async Task A_body_of_exactly_64_KB_is_accepted()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);
        var message = Good with { MsgId = "m-64k", Text = "" };
        int room = 64 * 1024 - message.ToJson().Length;
        message = message with { Text = new string('x', room) };

        Assert.That(message.ToJson(), Has.Length.EqualTo(64 * 1024));
        Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"));
    }

    private async Task AssertOnlyTheGoodMessageIsStoredAsync(BotHost bot)
    {
        Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM inbox"), Is.Zero, "the refused request left a row in the inbox");
        // The server still works, and what it stores is what was acknowledged, only.
        Assert.That(await bot.PostAcceptedAsync(Good), Is.EqualTo("accepted"));
        await bot.WaitIdleAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(InboxFile.MessageIds(DbPath), Is.EqualTo(new[] { Good.MsgId }));
            Assert.That((await bot.Store.HealthAsync()).PendingMessages, Is.Zero);
        }
    }
}
