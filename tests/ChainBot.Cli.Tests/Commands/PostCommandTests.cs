using System.Text;
using ChainBot.Channels.Generic;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>
/// <c>chainbot post</c> against a fake webhook on 127.0.0.1: what is sent (bytes, order, signature), what is printed,
/// and the exit code.
/// </summary>
public class PostCommandTests : TempDirFixture
{
    private const string Secret = "test-secret";

    // Written as a bridge might: spacing of its own, Chinese unescaped, an escaped line break, CRLF line ends.
    private static readonly string[] Lines =
    [
        """{"msgId":"m1","groupId":"g1","senderId":"u-tz","senderName":"团长","time":"2022-04-18T08:00:00+08:00","text":"#接龙 蔬菜套餐\n1. 12号301 王阿姨 1份"}""",
        """{ "msgId": "m2", "groupId": "g1", "senderId": "u-li", "senderName": "李", "time": "2022-04-18T08:10:00+08:00", "text": "15-502 李 2份" }""",
        """{"msgId":"m3","groupId":"g1","senderId":"u-zhou","senderName":"周","time":"2022-04-18T08:30:00+08:00","text":"\u8BF7\u95EE几点送到？","mentioned":false}""",
    ];

    private static CliResult Post(params string[] args) => CliRun.InProcess(["post", .. args], time: TimeProvider.System);

    private string Transcript(params string[] lines) => Dir.Write("chat.jsonl", string.Join("\r\n", lines) + "\r\n");

    [Test]
    public async Task Every_line_is_posted_in_order_as_written_and_signed_over_those_bytes()
    {
        await using var webhook = FakeWebhook.Start();
        string file = Transcript(Lines);

        var run = Post(file, "--url", webhook.Url, "--secret", Secret);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        var requests = webhook.Requests;
        Assert.That(requests.Select(static request => request.Text), Is.EqualTo(Lines), "each body is its line, byte for byte, in file order");
        var verifier = new GenericWebhook(Secret);
        foreach (var request in requests)
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo("/webhook/generic"));
            Assert.That(request.ContentType, Does.StartWith("application/json"));
            var check = verifier.Verify(request.Signature, request.Timestamp, request.Body);
            Assert.That(check.IsValid, Is.True, check.Reason);
        }
        Assert.That(run.Stdout, Is.EqualTo(
            "m1  → accepted\nm2  → accepted\nm3  → accepted\n" +
            $"Posted 3 of 3 messages in {SecondsIn(run.Stdout)} s: 3 accepted, 0 duplicate, 0 refused.\n"));
    }

    [Test]
    public async Task Without_a_secret_requests_go_unsigned()
    {
        await using var webhook = FakeWebhook.Start();

        var run = Post(Transcript(Lines[0]), "--url", webhook.Url);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(webhook.Requests.Single().Signature, Is.Null);
        Assert.That(webhook.Requests.Single().Timestamp, Is.Null);
    }

    [Test]
    public async Task A_message_the_bot_has_already_is_a_duplicate_and_still_exit_0()
    {
        await using var webhook = FakeWebhook.Start();

        var run = Post(Transcript(Lines[0], Lines[1], Lines[0]), "--url", webhook.Url, "--secret", Secret);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("m1  → accepted\nm2  → accepted\nm1  → duplicate\n"));
        Assert.That(run.Stdout, Does.Contain(": 2 accepted, 1 duplicate, 0 refused."));
    }

    [Test]
    public async Task Refusals_are_reported_with_status_and_reason_and_exit_1()
    {
        await using var webhook = FakeWebhook.Start(request => request.MsgId switch
        {
            "m2" => FakeAnswer.Error(401, "the signature does not match"),
            "m3" => FakeAnswer.Error(400, "missing senderId"),
            var id => FakeAnswer.Accepted(id),
        });

        var run = Post(Transcript(Lines), "--url", webhook.Url, "--secret", Secret);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Does.StartWith(
            "m1  → accepted\n" +
            "m2  → refused 401: the signature does not match\n" +
            "m3  → refused 400: missing senderId\n"));
        Assert.That(run.Stdout, Does.Contain(": 1 accepted, 0 duplicate, 2 refused."));
        Assert.That(webhook.Requests, Has.Count.EqualTo(3), "a 4xx is the bot's verdict: not retried, and the run goes on");
    }

    [Test]
    public async Task A_refusal_without_a_json_reason_shows_the_status_reason_phrase()
    {
        await using var webhook = FakeWebhook.Start(static _ => new FakeAnswer(413, ""));

        var run = Post(Transcript(Lines[0]), "--url", webhook.Url);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Does.StartWith("m1  → refused 413: Request Entity Too Large\n"));
    }

    [Test]
    public async Task A_5xx_is_retried_with_the_same_bytes_and_then_reported()
    {
        int calls = 0;
        await using var webhook = FakeWebhook.Start(request => request.MsgId == "m1" && Interlocked.Increment(ref calls) == 1
            ? FakeAnswer.Error(503, "the store is busy")
            : request.MsgId == "m2" ? FakeAnswer.Error(500, "boom") : FakeAnswer.Accepted(request.MsgId));

        var run = Post(Transcript(Lines[0], Lines[1]), "--url", webhook.Url, "--secret", Secret);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Does.StartWith(
            "m1  → accepted (after 1 retry)\n" +
            "m2  → refused 500: boom (after 2 retries)\n"));
        Assert.That(run.Stdout, Does.Contain(": 1 accepted, 0 duplicate, 1 refused, 3 retries."));
        var requests = webhook.Requests;
        Assert.That(requests.Select(static request => request.MsgId), Is.EqualTo(new[] { "m1", "m1", "m2", "m2", "m2" }));
        Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body));
        var verifier = new GenericWebhook(Secret);
        Assert.That(requests.All(request => verifier.Verify(request.Signature, request.Timestamp, request.Body).IsValid), Is.True);
    }

    [Test]
    public void An_unreachable_url_exits_1_with_one_line()
    {
        int port = FakeWebhook.FreePort();
        string url = $"http://127.0.0.1:{port}/webhook/generic";

        var run = Post(Transcript(Lines), "--url", url, "--secret", Secret);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Does.StartWith($"chainbot: cannot reach {url}: Connection refused"));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
    }

    [Test]
    public void An_unreachable_url_as_a_process_is_one_line_and_no_stack_trace()
    {
        int port = FakeWebhook.FreePort();

        var run = CliRun.AsProcess("post", Transcript(Lines), "--url", $"http://127.0.0.1:{port}/webhook/generic");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
        Assert.That(run.Stderr, Does.Not.Contain("   at "));
        Assert.That(run.Stderr, Does.Not.Contain("Exception"));
    }

    [TestCase("nope.jsonl", "file not found")]
    [TestCase("", "is a directory")]
    public void An_unreadable_file_exits_1_with_one_line(string name, string reason)
    {
        string path = Path.Combine(Dir.Root, name);

        var run = Post(path, "--url", "http://127.0.0.1:9/webhook/generic");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd(), Is.EqualTo($"chainbot: cannot read '{path}': {reason}"));
    }

    [TestCase("ftp://127.0.0.1/x", "--url 'ftp://127.0.0.1/x' is not an http:// or https:// URL")]
    [TestCase("127.0.0.1:5080", "--url '127.0.0.1:5080' is not an http:// or https:// URL")]
    public void A_bad_url_exits_1_with_one_line(string url, string message)
    {
        var run = Post(Transcript(Lines), "--url", url);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.StartWith("chainbot: " + message));
    }

    [Test]
    public async Task A_line_without_a_msgId_is_posted_as_line_N_and_a_bad_line_is_reported_not_posted()
    {
        await using var webhook = FakeWebhook.Start();
        const string noId = """{"groupId":"g1","senderId":"u-sun","senderName":"孙","time":"2022-04-18T09:10:00+08:00","text":"改成2份"}""";
        string file = Transcript(Lines[0], "{not json", "", noId);

        var run = Post(file, "--url", webhook.Url);

        Assert.That(run.ExitCode, Is.EqualTo(1), "a line that is not a message is not a clean run");
        Assert.That(run.Stderr, Does.StartWith($"chainbot: {file}:2: malformed JSON"));
        var requests = webhook.Requests;
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[0].Text, Is.EqualTo(Lines[0]));
        Assert.That(requests[1].Text, Is.EqualTo("""{"msgId":"line-4","groupId":"g1","senderId":"u-sun","senderName":"孙","time":"2022-04-18T09:10:00+08:00","text":"改成2份"}"""));
        Assert.That(run.Stdout, Does.StartWith("m1      → accepted\nline-4  → accepted (line 4 had no msgId)\n"));
        Assert.That(run.Stdout, Does.Contain("; 1 line not posted (not a message)."));
    }

    [Test]
    public async Task Replies_on_prints_each_reply_the_bot_posts_and_answers_2xx()
    {
        int replyPort = FakeWebhook.FreePort();
        string replyUrl = $"http://127.0.0.1:{replyPort}/reply";
        var bot = new GenericWebhook(Secret);
        var statuses = new List<int>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // The fake bot answers m1 in the group before acknowledging it, and sends one reply signed with a wrong secret.
        await using var webhook = FakeWebhook.Start(async request =>
        {
            if (request.MsgId == "m1")
            {
                statuses.Add(await SendReplyAsync(client, replyUrl, bot.SignReply(
                    new GenericReply("r1", "g1", "m1", ["u-tz"], "【蔬菜套餐】\n共1户\n蔬菜套餐 1份"))));
                statuses.Add(await SendReplyAsync(client, replyUrl, new GenericWebhook("wrong").SignReply(
                    new GenericReply("r2", "g1", null, [], "forged"))));
            }
            return FakeAnswer.Accepted(request.MsgId);
        });

        var run = Post(Transcript(Lines[0], Lines[1]), "--url", webhook.Url, "--secret", Secret,
            "--replies-on", $"127.0.0.1:{replyPort}", "--wait", "100");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(statuses, Is.EqualTo(new[] { 200, 401 }));
        Assert.That(run.Stdout, Does.StartWith(
            $"Listening for replies on {replyUrl}\n" +
            "reply r1 (to m1, @u-tz):\n" +
            "    【蔬菜套餐】\n" +
            "    共1户\n" +
            "    蔬菜套餐 1份\n" +
            "reply refused 401: the signature does not match\n" +
            "m1  → accepted\n" +
            "m2  → accepted\n"));
        Assert.That(run.Stdout, Does.EndWith("; 2 replies received.\n"));
        Assert.That(run.Stdout, Does.Not.Contain("forged"));
    }

    [Test]
    public async Task Replies_on_without_a_secret_takes_unsigned_replies_and_keeps_listening_for_the_wait()
    {
        int replyPort = FakeWebhook.FreePort();
        string replyUrl = $"http://localhost:{replyPort}/reply";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        int status = 0;
        // The reply comes after the acknowledgement, as the real bot's outbox sends it: only --wait catches it.
        await using var webhook = FakeWebhook.Start(request =>
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(200);
                var reply = new GenericReply("r9", "g1", request.MsgId, [], "已截止");
                status = await SendReplyAsync(client, replyUrl, new SignedBody(reply.ToUtf8Json(), new SignedHeaders("", "")));
            });
            return FakeAnswer.Accepted(request.MsgId);
        });

        var run = Post(Transcript(Lines[0]), "--url", webhook.Url, "--replies-on", $"localhost:{replyPort}", "--wait", "2000");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(status, Is.EqualTo(200));
        Assert.That(run.Stdout, Does.Contain("m1  → accepted\nreply r9 (to m1):\n    已截止\n"));
    }

    [TestCase("10.1.2.3:5081", "'10.1.2.3' is not a loopback address")]
    [TestCase("0.0.0.0:5081", "'0.0.0.0' is not a loopback address")]
    [TestCase("example.com:5081", "'example.com' is not a loopback address")]
    [TestCase("127.0.0.1", "'127.0.0.1' is not HOST:PORT")]
    [TestCase("127.0.0.1:99999", "'127.0.0.1:99999' is not HOST:PORT")]
    public void Replies_on_listens_on_loopback_only(string endpoint, string message)
    {
        var run = Post(Transcript(Lines[0]), "--url", "http://127.0.0.1:9/webhook/generic", "--replies-on", endpoint);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.StartWith("chainbot: --replies-on " + message));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public async Task Ctrl_C_stops_posting_and_still_prints_the_summary()
    {
        using var interrupt = new CancellationTokenSource();
        await using var webhook = FakeWebhook.Start(request =>
        {
            if (request.MsgId == "m2")
                interrupt.Cancel();
            return FakeAnswer.Accepted(request.MsgId);
        });

        var run = CliRun.InProcess(["post", Transcript(Lines), "--url", webhook.Url, "--delay", "50"], time: TimeProvider.System, interrupt: interrupt.Token);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(webhook.Requests, Has.Count.EqualTo(2));
        Assert.That(run.Stdout, Does.EndWith("; interrupted.\n"));
        Assert.That(run.Stdout, Does.Contain("Posted 1 of 3 messages"), "m2 reached the bot, but its answer never came back");
    }

    [Test]
    public async Task Ctrl_C_while_waiting_for_replies_ends_the_wait_and_the_run_is_still_clean()
    {
        using var interrupt = new CancellationTokenSource();
        await using var webhook = FakeWebhook.Start();
        int replyPort = FakeWebhook.FreePort();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        interrupt.CancelAfter(TimeSpan.FromMilliseconds(500));

        var run = CliRun.InProcess(["post", Transcript(Lines[0]), "--url", webhook.Url, "--replies-on", $"127.0.0.1:{replyPort}", "--wait", "60000"],
            time: TimeProvider.System, interrupt: interrupt.Token);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.EndWith(": 1 accepted, 0 duplicate, 0 refused; 0 replies received.\n"));
    }

    private static async Task<int> SendReplyAsync(HttpClient client, string url, SignedBody signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signed.Headers.Signature.Length > 0)
        {
            request.Headers.Add(GenericHeaders.Signature, signed.Headers.Signature);
            request.Headers.Add(GenericHeaders.Timestamp, signed.Headers.Timestamp);
        }
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The run's own "in 0.1 s", which the test cannot know in advance.</summary>
    private static string SecondsIn(string stdout)
    {
        int at = stdout.LastIndexOf(" in ", StringComparison.Ordinal) + 4;
        return stdout[at..stdout.IndexOf(' ', at)];
    }
}
