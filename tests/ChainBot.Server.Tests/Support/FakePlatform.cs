using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChainBot.Server.Tests.Support;

/// <summary>How the fake platform answers one send it was scripted to fail.</summary>
/// <param name="Errcode">An errcode in a 200 answer (-1 busy, 40001, 45009…); null for none.</param>
/// <param name="Status">An HTTP failure status (500, 503) instead of an answer; null for none.</param>
/// <param name="Hang">No answer at all until the caller gives up: a timeout.</param>
public readonly record struct PlatformAnswer(int? Errcode = null, int? Status = null, bool Hang = false)
{
    public static PlatformAnswer Error(int errcode) => new(Errcode: errcode);

    public static PlatformAnswer Http(int status) => new(Status: status);

    public static PlatformAnswer Timeout { get; } = new(Hang: true);
}

/// <summary>
/// WeChat's and WeCom's APIs as the bot calls them, on loopback: the Official Account's access_token and
/// customer-service send, and a WeCom group robot's webhook. Records every send it takes; can fail sends first as
/// scripted — an errcode (40001 for a stale token, 45009 for a robot over its rate), a 5xx, a hang — before
/// answering ok.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PlatformAnswer> _sendErrors = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _tokens;
    private int _attempts;

    private FakePlatform(WebApplication app) => _app = app;

    /// The API base the bot is configured with (<c>ApiBase</c>).
    public string ApiBase { get; private set; } = "";

    /// Access tokens handed out, in order: T1, T2…
    public int TokensIssued => _tokens;

    /// Customer-service sends: the access token used and the JSON body.
    public ConcurrentQueue<(string Token, JsonElement Body)> CustomerService { get; } = new();

    /// Robot sends: the key used and the JSON body.
    public ConcurrentQueue<(string Key, JsonElement Body)> Robot { get; } = new();

    /// Scripted failures not yet answered.
    public int PendingFailures => _sendErrors.Count;

    /// Send requests received, failed or taken.
    public int SendAttempts => Volatile.Read(ref _attempts);

    /// The next sends answer these errcodes, one each, before sends succeed.
    public void FailSends(params int[] errcodes) => FailSends([.. errcodes.Select(PlatformAnswer.Error)]);

    /// The next sends fail as given, one each, before sends succeed.
    public void FailSends(params PlatformAnswer[] answers)
    {
        foreach (var answer in answers)
            _sendErrors.Enqueue(answer);
    }

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakePlatform(app);
        app.MapGet("/cgi-bin/token", () =>
        {
            int n = Interlocked.Increment(ref platform._tokens);
            return Results.Json(new { access_token = "T" + n, expires_in = 7200 });
        });
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            return await platform.AnswerAsync(() => platform.CustomerService.Enqueue((request.Query["access_token"].ToString(), body)), request.HttpContext.RequestAborted);
        });
        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            return await platform.AnswerAsync(() => platform.Robot.Enqueue((request.Query["key"].ToString(), body)), request.HttpContext.RequestAborted);
        });
        await app.StartAsync();
        platform.ApiBase = app.Urls.First();
        return platform;
    }

    private async Task<IResult> AnswerAsync(Action record, CancellationToken aborted)
    {
        Interlocked.Increment(ref _attempts);
        if (!_sendErrors.TryDequeue(out var failure))
        {
            record();
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        }
        if (failure.Hang)
        {
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
            try
            {
                await Task.Delay(System.Threading.Timeout.Infinite, hang.Token);
            }
            catch (OperationCanceledException)
            {
                // The bot gave up on us, or the test is over: the message was not taken.
            }
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return failure.Status is { } status
            ? Results.StatusCode(status)
            : Results.Json(new { errcode = failure.Errcode, errmsg = "scripted failure" });
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
