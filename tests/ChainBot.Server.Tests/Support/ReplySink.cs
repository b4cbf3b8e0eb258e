using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChainBot.Server.Tests.Support;

/// How the sink answers one reply request.
internal enum SinkAnswer
{
    /// 200: the reply is posted in the group (once per reply id; a repeat is acknowledged and ignored, as the contract asks of a bridge).
    Succeed,

    /// 500: a transient failure.
    Fail500,

    /// No answer until the caller gives up (or the sink stops): a timeout.
    Hang,

    /// 400: a failure that will not pass.
    Reject400,

    /// 429 with <c>Retry-After: 1</c>: a rate limit, asking for a second's pause.
    TooMany429,

    /// The reply is posted at once, but the 200 comes half a second later (a slow bridge).
    SlowSucceed,
}

/// One request the sink received, whatever it answered.
internal sealed record SinkRequest(DateTimeOffset At, string? ReplyId, bool SignatureValid, SinkAnswer Answer, string Body);

/// A reply the sink posted in its group: the first 2xx (or slow 2xx) for its reply id. Deliveries counts the requests for this
/// reply id answered 2xx (a bridge ignores all but the first): more than one is a reply the bot sent twice.
internal sealed record PostedReply(string ReplyId, string GroupId, string? InReplyTo, IReadOnlyList<string> Mentions, string Text, int Deliveries);

/// <summary>
/// The fake bridge: a tiny Kestrel on loopback whose <c>/reply</c> records every reply the bot posts, checks its
/// signature (a bad one is answered 401 and never posted), and answers as scripted — 500s, a hang past the bot's
/// timeout, a 400 — then succeeds.
/// </summary>
internal sealed class ReplySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _secret;
    private readonly Lock _gate = new();
    private readonly Queue<SinkAnswer> _script = new();
    private readonly List<SinkRequest> _requests = [];
    private readonly List<string> _postedOrder = [];
    private readonly Dictionary<string, PostedReply> _posted = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private ReplySink(WebApplication app, string? secret)
    {
        _app = app;
        _secret = secret;
    }

    /// Where the bot posts replies (<c>ChainBot:Channels:Generic:ReplyUrl</c>).
    public string ReplyUrl { get; private set; } = "";

    /// Starts a sink on a free loopback port; with a secret, requests must be signed with it.
    public static async Task<ReplySink> StartAsync(string? secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ReplySink(app, secret);
        app.MapPost("/reply", (Delegate)sink.HandleAsync); // a route handler: the IResult is written
        await app.StartAsync();
        sink.ReplyUrl = app.Urls.Single().TrimEnd('/') + "/reply";
        return sink;
    }

    /// Answers the next requests as given, in order; after them, every request succeeds.
    public void Script(params SinkAnswer[] answers)
    {
        lock (_gate)
        {
            foreach (var answer in answers)
                _script.Enqueue(answer);
        }
    }

    /// Every request received so far, in arrival order.
    public IReadOnlyList<SinkRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// Every reply posted so far, in the order they were first posted.
    public IReadOnlyList<PostedReply> Posted
    {
        get
        {
            lock (_gate)
                return [.. _postedOrder.Select(id => _posted[id])];
        }
    }

    /// Waits until a posted reply matches; fails after the deadline, listing what was posted.
    public async Task<PostedReply> WaitForReplyAsync(string what, Func<PostedReply, bool> match, TimeSpan? timeout = null)
    {
        var posted = await Eventually.UntilAsync(what, () => Posted, replies => replies.Any(match), timeout);
        return posted.First(match);
    }

    /// Waits until at least <paramref name="count"/> replies were posted.
    public Task<IReadOnlyList<PostedReply>> WaitForPostedAsync(int count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync($"{count} replies posted", () => Posted, replies => replies.Count >= count, timeout);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        byte[] body = buffer.ToArray();
        string? signature = http.Request.Headers[Signing.SignatureHeader];
        string? timestamp = http.Request.Headers[Signing.TimestampHeader];
        bool signed = _secret is null
            ? signature is null && timestamp is null
            : Signing.Verify(_secret, signature, timestamp, body);

        PostedReply? reply = TryRead(body);
        SinkAnswer answer;
        lock (_gate)
        {
            answer = !signed || reply is null ? SinkAnswer.Reject400 : _script.TryDequeue(out var next) ? next : SinkAnswer.Succeed;
            _requests.Add(new SinkRequest(DateTimeOffset.UtcNow, reply?.ReplyId, signed, answer, System.Text.Encoding.UTF8.GetString(body)));
            if (answer is SinkAnswer.Succeed or SinkAnswer.SlowSucceed)
            {
                if (_posted.TryGetValue(reply!.ReplyId, out var first))
                {
                    _posted[reply.ReplyId] = first with { Deliveries = first.Deliveries + 1 };
                }
                else
                {
                    _posted[reply.ReplyId] = reply;
                    _postedOrder.Add(reply.ReplyId);
                }
            }
        }

        switch (answer)
        {
            case SinkAnswer.Succeed:
                return Results.Ok();
            case SinkAnswer.SlowSucceed:
                using (var slow = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(500), slow.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The bot gave up waiting: the reply is posted in the group all the same.
                    }
                }
                return Results.Ok();
            case SinkAnswer.Fail500:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case SinkAnswer.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, hang.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The bot gave up on us, or the test is over.
                    }
                }
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case SinkAnswer.TooMany429:
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            default:
                return signed ? Results.BadRequest() : Results.Unauthorized();
        }
    }

    private static PostedReply? TryRead(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return new PostedReply(
                root.GetProperty("replyId").GetString()!,
                root.GetProperty("groupId").GetString()!,
                root.GetProperty("inReplyTo").GetString(),
                [.. root.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!)],
                root.GetProperty("text").GetString()!,
                Deliveries: 1);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
