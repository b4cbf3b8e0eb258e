using System.Text;
using ChainBot.Channels.Api;
using ChainBot.Channels.WeChat;
using ChainBot.Storage;

namespace ChainBot.Server.Outbox;

/// <summary>
/// Replies to an Official Account's user through the customer-service API (wechat-protocol.md §1.5), allowed for 48
/// hours after the user wrote. The route is <c>wechat:{account}:{openid}</c>. A refused token (40001, 42001, 40014)
/// is dropped and fetched again on the retry; an out-of-window or unfollowed user (45015) parks the reply.
/// </summary>
internal sealed class WeChatReplyTransport(WeChatTokens tokens, Endpoints.WeChatAccounts accounts, IHttpClientFactory clients) : IReplyTransport
{
    /// <summary>The named HTTP client the WeChat API is called on.</summary>
    public const string ClientName = "wechat-api";

    public string Channel => "wechat";

    public async Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken)
    {
        var route = reply.Channel.Split(':', 3);
        if (route.Length != 3)
            return SendOutcome.Permanent("the route names no account and user");
        var (token, error) = await tokens.GetAsync(route[1], cancellationToken).ConfigureAwait(false);
        if (token is null)
            return error!.StartsWith("no AppSecret", StringComparison.Ordinal) ? SendOutcome.Permanent(error) : SendOutcome.Transient(error);

        string url = $"{accounts.Options.ApiBase.TrimEnd('/')}/cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token.Value)}";
        using var content = new StringContent(CustomerServiceMessage.TextBody(route[2], reply.Text), Encoding.UTF8, "application/json");
        using var response = await clients.CreateClient(ClientName).PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var (outcome, api) = await ApiOutcomes.ReadAsync(response, WeChatErrorCodes.Classify, cancellationToken).ConfigureAwait(false);
        if (api?.Action == ApiAction.RefreshTokenThenRetry)
            tokens.Invalidate(route[1], token);
        return outcome;
    }
}
