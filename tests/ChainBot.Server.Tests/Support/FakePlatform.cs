using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChainBot.Server.Tests.Support;

/// <summary>
/// WeChat's and WeCom's APIs as the bot calls them, on loopback: the Official Account's access_token and
/// customer-service send, and a WeCom group robot's webhook. Records every send; can answer an errcode first
/// (40001 for a stale token, 45009 for a robot over its rate) before answering ok.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _sendErrors = new();
    private int _tokens;

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

    /// The next sends answer these errcodes, one each, before sends succeed.
    public void FailSends(params int[] errcodes)
    {
        foreach (int errcode in errcodes)
            _sendErrors.Enqueue(errcode);
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
            return platform.Answer(() => platform.CustomerService.Enqueue((request.Query["access_token"].ToString(), body)));
        });
        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            return platform.Answer(() => platform.Robot.Enqueue((request.Query["key"].ToString(), body)));
        });
        await app.StartAsync();
        platform.ApiBase = app.Urls.First();
        return platform;
    }

    private IResult Answer(Action record)
    {
        if (_sendErrors.TryDequeue(out int errcode))
            return Results.Json(new { errcode, errmsg = "scripted failure" });
        record();
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
