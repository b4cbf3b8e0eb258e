using ChainBot.Channels.WeChat;
using ChainBot.Channels;
using ChainBot.Server.Options;
using ChainBot.Server.Pipeline;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>GET|POST /webhook/wechat/{account}</c>: an Official Account's server (wechat-protocol.md §1). GET answers the
/// URL verification; POST stores a text message (deduplicated on MsgId, so WeChat's three tries are processed once)
/// and answers <c>success</c> at once, within WeChat's 5 s: the bot's replies go out through the customer-service
/// API (<see cref="Outbox.WeChatReplyTransport"/>), which also carries replies that take longer than a passive
/// reply could wait.
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
        string account, HttpRequest request, WeChatAccounts accounts, IChainBotStore store, InboxSignal inbox, TimeProvider time,
        ILogger<WeChatAccounts> logger, CancellationToken cancellationToken)
    {
        if (!accounts.TryGet(account, out var official, out var settings))
            return CallbackResults.Refuse(logger, Channel(account), ChannelError.NotConfigured, "no such account");
        byte[] body = await CallbackResults.BodyAsync(request, cancellationToken).ConfigureAwait(false);
        var read = official.ReadPost(CallbackResults.Query(request), body);
        if (!read.IsSuccess)
            return CallbackResults.Refuse(logger, Channel(account), read.Error, read.Reason);

        var message = read.Value!.Message;
        if (message.IsText && !string.IsNullOrWhiteSpace(message.Content))
        {
            var incoming = message.ToIncoming(m => settings.UserGroups.GetValueOrDefault(m.FromUserName) ?? m.FromUserName);
            var accepted = await store.AcceptAsync(new InboxMessage(Channel(account), incoming, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (!accepted.Duplicate)
                inbox.Set();
        }
        // Events (subscribe, menu clicks) and other kinds of message change no chain: acknowledged, not stored.
        return Results.Text(WeChatLimits.NoReply);
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
