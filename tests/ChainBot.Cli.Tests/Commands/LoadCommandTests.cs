using System.Diagnostics;
using System.Text.Json;
using ChainBot.Channels.Generic;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary><c>chainbot load</c> for short bounded runs against a fake webhook on 127.0.0.1.</summary>
public class LoadCommandTests : TempDirFixture
{
    private const string Secret = "load-secret";

    private static readonly string[] Lines =
    [
        """{"msgId":"a1","groupId":"tianshan","senderId":"u-tz","senderName":"团长","time":"2022-04-18T08:00:00+08:00","text":"#接龙 蔬菜套餐\n1. 12号301 王阿姨 1份","mentioned":false}""",
        """{"msgId":"a2","groupId":"tianshan","senderId":"u-li","senderName":"李","time":"2022-04-18T08:10:00+08:00","text":"15-502 李 2份"}""",
        """{"msgId":"a3","groupId":"tianshan","senderId":"u-tz","senderName":"团长","time":"2022-04-18T09:00:00+08:00","text":"@ChainBot 统计","mentioned":true}""",
    ];

    private string Transcript() => Dir.Write("chat.jsonl", string.Join("\n", Lines) + "\n");

    private static CliResult Load(CancellationToken interrupt, params string[] args) =>
        CliRun.InProcess(["load", .. args], time: TimeProvider.System, interrupt: interrupt);

    private static CliResult Load(params string[] args) => Load(CancellationToken.None, args);

    [Test]
    public async Task A_bounded_run_reports_counts_that_match_what_the_endpoint_received()
    {
        await using var webhook = FakeWebhook.Start();
        var clock = Stopwatch.StartNew();

        var run = Load(Transcript(), "--url", webhook.Url, "--secret", Secret, "--rate", "200", "--duration", "1", "--json");

        clock.Stop();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "a 1-second run ends soon after its second");
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        var requests = webhook.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("target").GetProperty("requests").GetInt64(), Is.EqualTo(200));
            Assert.That(report.GetProperty("sent").GetInt64(), Is.EqualTo(200), "the cap: rate × duration");
            Assert.That(requests, Has.Count.EqualTo(200), "what was sent arrived, and nothing more");
            Assert.That(report.GetProperty("answered").GetInt64(), Is.EqualTo(200));
            Assert.That(report.GetProperty("accepted").GetInt64(), Is.EqualTo(200));
            Assert.That(report.GetProperty("duplicate").GetInt64(), Is.EqualTo(0));
            Assert.That(report.GetProperty("failed").GetInt64(), Is.EqualTo(0));
            Assert.That(report.GetProperty("notSent").GetInt64(), Is.EqualTo(0));
            Assert.That(report.GetProperty("errors").GetArrayLength(), Is.EqualTo(0));
            Assert.That(report.GetProperty("interrupted").GetBoolean(), Is.False);
            // Sending kept to the schedule: 200 in about a second (the machine is shared, so loosely).
            Assert.That(report.GetProperty("sentPerSecond").GetDouble(), Is.InRange(150, 210));
            var fromSend = report.GetProperty("latencyMs").GetProperty("fromSend");
            var fromSchedule = report.GetProperty("latencyMs").GetProperty("fromSchedule");
            Assert.That(fromSend.GetProperty("p50").GetDouble(), Is.GreaterThan(0));
            Assert.That(fromSend.GetProperty("p50").GetDouble(), Is.LessThanOrEqualTo(fromSend.GetProperty("p90").GetDouble()));
            Assert.That(fromSend.GetProperty("p99").GetDouble(), Is.LessThanOrEqualTo(fromSend.GetProperty("max").GetDouble()));
            Assert.That(fromSchedule.GetProperty("max").GetDouble(), Is.GreaterThanOrEqualTo(fromSend.GetProperty("max").GetDouble()),
                "a request is never sent before it is due");
        });

        // Every request: signed over its bytes, a msgId of its own, one of 50 groups, the message otherwise as written.
        var verifier = new GenericWebhook(Secret);
        string runId = report.GetProperty("runId").GetString()!;
        var originals = Lines.Select(static line => JsonDocument.Parse(line).RootElement).ToArray();
        foreach (var request in requests)
            Assert.That(verifier.Verify(request.Signature, request.Timestamp, request.Body).IsValid, Is.True, request.Text);
        var bodies = requests.Select(static request => request.Json).ToList();
        Assert.That(bodies.Select(static body => body.GetProperty("msgId").GetString()).Distinct().Count(), Is.EqualTo(200));
        var groups = bodies.GroupBy(static body => body.GetProperty("groupId").GetString()!).ToList();
        Assert.That(groups, Has.Count.EqualTo(50));
        Assert.That(groups.Select(static group => group.Key), Has.All.StartWith($"tianshan~{runId}~"));
        foreach (var body in bodies)
        {
            long sequence = long.Parse(body.GetProperty("msgId").GetString()!.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(body.GetProperty("msgId").GetString(), Is.EqualTo($"load-{runId}-{sequence}"));
            Assert.That(body.GetProperty("groupId").GetString(), Is.EqualTo($"tianshan~{runId}~{sequence % 50}"));
            var original = originals[sequence / 50 % 3];
            foreach (var member in original.EnumerateObject().Where(static member => member.Name is not ("msgId" or "groupId")))
                Assert.That(body.GetProperty(member.Name).GetRawText(), Is.EqualTo(member.Value.GetRawText()), member.Name);
        }
    }

    [Test]
    public async Task Each_group_receives_the_transcript_in_order()
    {
        await using var webhook = FakeWebhook.Start();

        var run = Load(Transcript(), "--url", webhook.Url, "--rate", "100", "--duration", "0.6", "--groups", "10", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        foreach (var group in webhook.Requests.Select(static request => request.Json).GroupBy(static body => body.GetProperty("groupId").GetString()))
        {
            // 60 sends over 10 groups: each group gets the three messages twice, in file order.
            Assert.That(group.Select(static body => body.GetProperty("text").GetString()),
                Is.EqualTo(new[] { 0, 1, 2, 0, 1, 2 }.Select(i => JsonDocument.Parse(Lines[i]).RootElement.GetProperty("text").GetString())));
        }
    }

    [Test]
    public async Task Several_urls_share_the_schedule_in_turn()
    {
        await using var first = FakeWebhook.Start();
        await using var second = FakeWebhook.Start();

        var run = Load(Transcript(), "--url", first.Url, "--url", second.Url, "--rate", "100", "--duration", "0.4", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(report.GetProperty("urls").EnumerateArray().Select(static url => url.GetString()), Is.EqualTo(new[] { first.Url, second.Url }));
        Assert.That(report.GetProperty("accepted").GetInt64(), Is.EqualTo(40));
        // Send n goes to URL n mod 2: the even sends to the first instance, the odd ones to the second.
        Assert.That(first.Requests.Select(static request => Sequence(request.Json)).Order(), Is.EqualTo(Enumerable.Range(0, 20).Select(static i => 2L * i)));
        Assert.That(second.Requests.Select(static request => Sequence(request.Json)).Order(), Is.EqualTo(Enumerable.Range(0, 20).Select(static i => 2L * i + 1)));
    }

    /// The send number in a load msgId (<c>load-RUN-n</c>).
    private static long Sequence(JsonElement body) => long.Parse(body.GetProperty("msgId").GetString()!.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Refusals_are_counted_by_kind_with_the_first_reason_and_exit_1()
    {
        int calls = 0;
        await using var webhook = FakeWebhook.Start(request => (Interlocked.Increment(ref calls) % 4) switch
        {
            0 => FakeAnswer.Error(401, "the signature does not match"),
            1 => FakeAnswer.Error(503, "busy"),
            _ => FakeAnswer.Accepted(request.MsgId),
        });

        var run = Load(Transcript(), "--url", webhook.Url, "--rate", "100", "--duration", "0.4", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(report.GetProperty("sent").GetInt64(), Is.EqualTo(40));
        Assert.That(report.GetProperty("accepted").GetInt64(), Is.EqualTo(20));
        Assert.That(report.GetProperty("failed").GetInt64(), Is.EqualTo(20));
        var errors = report.GetProperty("errors").EnumerateArray()
            .ToDictionary(static error => error.GetProperty("kind").GetString()!, static error => (error.GetProperty("count").GetInt32(), error.GetProperty("example").GetString()));
        Assert.That(errors, Is.EqualTo(new Dictionary<string, (int, string?)>
        {
            ["HTTP 401"] = (10, "the signature does not match"),
            ["HTTP 503"] = (10, "busy"),
        }));
    }

    [Test]
    public void Nothing_listening_is_counted_as_connection_failures()
    {
        int port = FakeWebhook.FreePort();

        var run = Load(Transcript(), "--url", $"http://127.0.0.1:{port}/webhook/generic", "--rate", "50", "--duration", "0.2", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(report.GetProperty("sent").GetInt64(), Is.EqualTo(10));
        Assert.That(report.GetProperty("answered").GetInt64(), Is.EqualTo(0));
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.That(error.GetProperty("kind").GetString(), Is.EqualTo("connection failed"));
        Assert.That(error.GetProperty("count").GetInt32(), Is.EqualTo(10));
        Assert.That(report.GetProperty("latencyMs").GetProperty("fromSend").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_slow_bot_shows_in_the_latency_from_schedule_not_in_a_lower_rate_of_sending()
    {
        // Two connections and 100 ms an answer: 20 a second at most, against a schedule of 50 a second.
        await using var webhook = FakeWebhook.Start(async request =>
        {
            await Task.Delay(100);
            return FakeAnswer.Accepted(request.MsgId);
        });

        var run = Load(Transcript(), "--url", webhook.Url, "--rate", "50", "--duration", "0.4", "--concurrency", "2", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(report.GetProperty("sent").GetInt64(), Is.EqualTo(20));
        Assert.That(report.GetProperty("waitedForConnection").GetInt64(), Is.GreaterThan(0));
        var latency = report.GetProperty("latencyMs");
        double sendMax = latency.GetProperty("fromSend").GetProperty("max").GetDouble();
        double scheduleMax = latency.GetProperty("fromSchedule").GetProperty("max").GetDouble();
        Assert.That(sendMax, Is.InRange(100, 400), "each answer took about 100 ms");
        // The last request was due at 380 ms and could only go out after ten rounds of 100 ms: ~600 ms late.
        Assert.That(scheduleMax, Is.GreaterThan(sendMax + 300), "the queue for a connection is in the latency from schedule");
    }

    [Test]
    public async Task Ctrl_C_stops_the_schedule_and_the_report_says_so()
    {
        using var interrupt = new CancellationTokenSource();
        await using var webhook = FakeWebhook.Start();
        interrupt.CancelAfter(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var run = Load(interrupt.Token, Transcript(), "--url", webhook.Url, "--rate", "100", "--duration", "30", "--json");

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(report.GetProperty("interrupted").GetBoolean(), Is.True);
        long sent = report.GetProperty("sent").GetInt64();
        Assert.That(sent, Is.InRange(1, 200));
        Assert.That(report.GetProperty("notSent").GetInt64(), Is.EqualTo(3000 - sent));
        Assert.That(report.GetProperty("accepted").GetInt64(), Is.EqualTo(sent), "what was in flight was waited for");
        Assert.That(webhook.Requests, Has.Count.EqualTo(sent));
    }

    [Test]
    public async Task The_human_report_is_a_table_of_counts_rates_and_latencies()
    {
        await using var webhook = FakeWebhook.Start(request => request.MsgId!.EndsWith("-3", StringComparison.Ordinal)
            ? FakeAnswer.Error(400, "missing senderId") : FakeAnswer.Accepted(request.MsgId));
        string file = Transcript();

        var run = Load(file, "--url", webhook.Url, "--rate", "50", "--duration", "0.2", "--groups", "2", "--concurrency", "4");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        string[] lines = run.Stdout.Split('\n');
        Assert.That(lines[0], Is.EqualTo($"Load: {file} → {webhook.Url}"));
        Assert.That(lines[2], Does.Match(@"^Target: 50 msg/s for 0\.2 s = 10 requests, 2 groups, concurrency 4, run [0-9a-f]{6}$"));
        Assert.That(run.Stdout, Does.Contain("\nsent                        10\naccepted                     9\n"));
        Assert.That(run.Stdout, Does.Contain("\nfailed                       1\n"));
        Assert.That(run.Stdout, Does.Contain("Errors by kind\nKind      Count  First seen\n--------  -----  ----------------\nHTTP 400      1  missing senderId\n"));
        Assert.That(run.Stdout, Does.Match(@"Rate: [0-9.]+ msg/s sent, [0-9.]+ msg/s accepted, over [0-9.]+ s"));
        Assert.That(run.Stdout, Does.Contain("Acknowledgement latency, ms (10 answers)\nFrom"));
        Assert.That(run.Stdout, Does.Match(@"\nschedule +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+\n"));
    }

    [TestCase("--rate", "0", "--rate must be a number above 0.")]
    [TestCase("--duration", "-1", "--duration must be a number above 0.")]
    [TestCase("--concurrency", "0", "--concurrency must be at least 1.")]
    [TestCase("--groups", "0", "--groups must be at least 1.")]
    public void Bad_numbers_are_refused(string option, string value, string message)
    {
        var settings = new Dictionary<string, string> { ["--rate"] = "10", ["--duration"] = "1" };
        settings[option] = value;

        var run = Load([Transcript(), "--url", "http://127.0.0.1:9/x", .. settings.SelectMany(static pair => new[] { pair.Key, pair.Value })]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.Contain(message));
    }

    [Test]
    public void A_run_over_the_cap_is_refused_before_anything_is_sent()
    {
        var run = Load(Transcript(), "--url", "http://127.0.0.1:9/x", "--rate", "100000", "--duration", "3600");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd(), Is.EqualTo("chainbot: --rate × --duration is 360000000 requests; it must be 1 to 1000000"));
    }
}
