using System.Diagnostics;
using ChainBot.Channels;
using ChainBot.Channels.WeCom;
using ChainBot.Core.Messages;
using ChainBot.Server.Options;
using ChainBot.Server.Pipeline;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>GET|POST /webhook/wecom/{app}</c>: a WeCom self-built app's callback (wechat-protocol.md §2; configured with a
/// CorpId) or an intelligent robot's (§4; no CorpId, JSON). GET answers the URL verification with the decrypted
/// echostr; POST stores a text message (deduplicated on its msgid) and answers an empty 200 at once. Replies go to
/// the group through the app's group robot (<see cref="Outbox.WeComRobotTransport"/>).
/// A POST declared as another content type (400), or signed with a timestamp more than
/// <see cref="CallbackResults.MaxTimestampSkew"/> from the server's clock (401), is refused before its body is read.
/// </summary>
internal static class WeComEndpoint
{
    public static IEndpointRouteBuilder MapWeComEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/webhook/wecom/{app}", Verify);
        app.MapPost("/webhook/wecom/{app}", ReceiveAsync);
        return app;
    }

    /// <summary>The channel name a message from <paramref name="app"/> is stored under.</summary>
    public static string Channel(string app) => "wecom:" + app;

    private static IResult Verify(string app, HttpRequest request, WeComApps apps, ILogger<WeComApps> logger)
    {
        if (!apps.TryGet(app, out var handler))
            return CallbackResults.Refuse(logger, Channel(app), ChannelError.NotConfigured, "no such app");
        var query = CallbackResults.Query(request);
        var echo = handler.App is { } callback ? callback.VerifyUrl(query) : handler.Bot!.VerifyUrl(query);
        return echo.IsSuccess ? Results.Text(echo.Value!) : CallbackResults.Refuse(logger, Channel(app), echo.Error, echo.Reason);
    }

    private static async Task<IResult> ReceiveAsync(
        string app, HttpRequest request, WeComApps apps, IChainBotStore store, InboxSignal inbox, TimeProvider time,
        ChainBotMetrics metrics, ILogger<WeComApps> logger, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        if (!apps.TryGet(app, out var handler))
            return CallbackResults.Refuse(logger, Channel(app), ChannelError.NotConfigured, "no such app");
        if (CallbackResults.RefuseContentType(logger, Channel(app), request, json: handler.App is null) is { } wrongType)
            return wrongType;
        var query = CallbackResults.Query(request);
        if (CallbackResults.RefuseStale(logger, Channel(app), query, time) is { } stale)
            return stale;
        byte[] body = await CallbackResults.BodyAsync(request, cancellationToken).ConfigureAwait(false);

        IncomingMessage? incoming;
        if (handler.App is { } callback)
        {
            var read = callback.ReadPost(query, body);
            if (!read.IsSuccess)
                return CallbackResults.Refuse(logger, Channel(app), read.Error, read.Reason);
            incoming = read.Value!.Message.IsText ? read.Value.Message.ToIncoming() : null;
        }
        else
        {
            var read = handler.Bot!.ReadCallback(query, body);
            if (!read.IsSuccess)
                return CallbackResults.Refuse(logger, Channel(app), read.Error, read.Reason);
            var message = read.Value!.Message;
            // Stream refreshes and events carry no text for a chain; they are answered, not stored.
            incoming = message.MsgType == "text" ? message.ToIncoming(time.GetUtcNow()) : null;
        }
        if (incoming is not null && !string.IsNullOrWhiteSpace(incoming.Text))
        {
            AcceptResult accepted;
            using (ChainBotActivities.Accept(Channel(app)))
                accepted = await store.AcceptAsync(new InboxMessage(Channel(app), incoming, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            metrics.Acknowledged(Channel(app), accepted.Duplicate, started);
            if (!accepted.Duplicate)
                inbox.Set();
        }
        return Results.Ok();
    }
}

/// <summary>The configured WeCom apps and intelligent robots, each with its protocol handler, built once.</summary>
internal sealed class WeComApps(IOptions<WeComOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, (WeComApp? App, WeComAiBot? Bot)> _apps = options.Value.Apps.ToDictionary(
        pair => pair.Key,
        pair => string.IsNullOrEmpty(pair.Value.CorpId)
            ? ((WeComApp?)null, (WeComAiBot?)new WeComAiBot(new WeComAiBotSettings(pair.Value.Token, pair.Value.EncodingAESKey, pair.Value.BotName), time))
            : (new WeComApp(new WeComAppSettings(pair.Value.Token, pair.Value.EncodingAESKey, pair.Value.CorpId), time), null),
        StringComparer.Ordinal);

    public bool TryGet(string app, out (WeComApp? App, WeComAiBot? Bot) handler) => _apps.TryGetValue(app, out handler);
}
