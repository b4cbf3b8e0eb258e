using System.Diagnostics;
using ChainBot.Channels.WeChat;
using ChainBot.Channels;
using ChainBot.Server.Instances;
using ChainBot.Server.Options;
using ChainBot.Server.Pipeline;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>GET|POST /webhook/wechat/{account}</c>: an Official Account's server (wechat-protocol.md §1). GET answers the
/// URL verification; POST stores a text message (deduplicated on MsgId, so WeChat's three tries are processed once)
/// and, within WeChat's 5 s, answers with the bot's first reply as a passive reply when it is ready in time (3.5 s),
/// else <c>success</c>; every other reply goes out through the customer-service API
/// (<see cref="Outbox.WeChatReplyTransport"/>).
/// A POST declared as another content type (400), or signed with a timestamp more than
/// <see cref="CallbackResults.MaxTimestampSkew"/> from the server's clock (401), is refused before its body is read.
/// </summary>
internal static class WeChatEndpoint
{
    public static IEndpointRouteBuilder MapWeChatEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/webhook/wechat/{account}", Verify);
        app.MapPost("/webhook/wechat/{account}", ReceiveAsync);
        return app;
    }

    /// <summary>The channel name a message from <paramref name="account"/> is stored under.</summary>
    public static string Channel(string account) => "wechat:" + account;

    private static IResult Verify(string account, HttpRequest request, WeChatAccounts accounts, ILogger<WeChatAccounts> logger)
    {
        if (!accounts.TryGet(account, out var official, out _))
            return CallbackResults.Refuse(logger, Channel(account), ChannelError.NotConfigured, "no such account");
        var echo = official.VerifyUrl(CallbackResults.Query(request));
        return echo.IsSuccess ? Results.Text(echo.Value!) : CallbackResults.Refuse(logger, Channel(account), echo.Error, echo.Reason);
    }

    private static async Task<IResult> ReceiveAsync(
        string account, HttpRequest request, WeChatAccounts accounts, IChainBotStore store, InboxSignal inbox, PassiveReplies passive, InstanceIdentity instance, TimeProvider time,
        ChainBotMetrics metrics, ILogger<WeChatAccounts> logger, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        if (!accounts.TryGet(account, out var official, out var settings))
            return CallbackResults.Refuse(logger, Channel(account), ChannelError.NotConfigured, "no such account");
        if (CallbackResults.RefuseContentType(logger, Channel(account), request, json: false) is { } wrongType)
            return wrongType;
        var query = CallbackResults.Query(request);
        if (CallbackResults.RefuseStale(logger, Channel(account), query, time) is { } stale)
            return stale;
        byte[] body = await CallbackResults.BodyAsync(request, cancellationToken).ConfigureAwait(false);
        var read = official.ReadPost(query, body);
        if (!read.IsSuccess)
            return CallbackResults.Refuse(logger, Channel(account), read.Error, read.Reason);

        var message = read.Value!.Message;
        if (!message.IsText || string.IsNullOrWhiteSpace(message.Content))
            return Results.Text(WeChatLimits.NoReply); // events (subscribe, menu clicks) change no chain: acknowledged, not stored

        var incoming = message.ToIncoming(m => settings.UserGroups.GetValueOrDefault(m.FromUserName) ?? m.FromUserName);
        using var hold = passive.Start(Channel(account), incoming.MsgId, out var processed);
        AcceptResult accepted;
        using (ChainBotActivities.Accept(Channel(account)))
            accepted = await store.AcceptAsync(new InboxMessage(Channel(account), incoming, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        metrics.Acknowledged(Channel(account), accepted.Duplicate, started);
        if (accepted.Duplicate)
            return Results.Text(WeChatLimits.NoReply); // WeChat's retry of a push being answered, or answered: once is enough
        inbox.Set();
        if (!accounts.Options.PassiveReplies)
            return Results.Text(WeChatLimits.NoReply);

        // Answer in the push's own HTTP answer if the bot is quick enough; otherwise "success", and the outbox sends
        // the answer through the customer-service API once the hold ends.
        var replies = await WithinAsync(processed, PassiveWait, cancellationToken).ConfigureAwait(false);
        if (replies is [var first, ..] && System.Text.Encoding.UTF8.GetByteCount(first.Text) <= WeChatLimits.PassiveReplyMaxBytes
            && await store.TryTakeAsync(first.ReplyId, instance.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return Results.Text(official.BuildTextReply(read.Value, first.Text), "application/xml; charset=utf-8");
        }
        return Results.Text(WeChatLimits.NoReply);
    }

    /// <summary>
    /// How long a push waits for its answer: WeChat gives up after 5 s and tries again, so well within that, leaving
    /// room for the network.
    /// </summary>
    public static readonly TimeSpan PassiveWait = TimeSpan.FromSeconds(3.5);

    private static async Task<IReadOnlyList<OutboxReply>?> WithinAsync(Task<IReadOnlyList<OutboxReply>> processed, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            return await processed.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}

/// <summary>The configured Official Accounts, each with its protocol handler, built once.</summary>
internal sealed class WeChatAccounts(IOptions<WeChatOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, (OfficialAccount Account, WeChatAccountOptions Settings)> _accounts =
        options.Value.Accounts.ToDictionary(
            pair => pair.Key,
            pair => (new OfficialAccount(new OfficialAccountSettings(pair.Value.Token, pair.Value.AppId, NullIfEmpty(pair.Value.EncodingAESKey)), time), pair.Value),
            StringComparer.Ordinal);

    public WeChatOptions Options => options.Value;

    public bool TryGet(string account, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OfficialAccount? official, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WeChatAccountOptions? settings)
    {
        bool found = _accounts.TryGetValue(account, out var entry);
        official = entry.Account;
        settings = entry.Settings;
        return found;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
