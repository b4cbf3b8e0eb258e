using System.Net;
using System.Net.Http.Headers;
using ChainBot.Channels.Generic;
using ChainBot.Server.Endpoints;
using ChainBot.Storage;

namespace ChainBot.Server.Outbox;

/// <summary>
/// Posts replies to the bridge's reply URL (<c>ChainBot:Channels:Generic:ReplyUrl</c>) as
/// <c>{"replyId","groupId","inReplyTo","mentions","text"}</c>, signed like the requests; the bridge answers 2xx once
/// the text is posted in the group, and ignores a reply id it has posted already.
/// </summary>
internal sealed class GenericReplyTransport(GenericChannel channel, IHttpClientFactory clients) : IReplyTransport
{
    /// <summary>The named HTTP client replies go out on.</summary>
    public const string ClientName = "generic-replies";

    public string Channel => GenericEndpoint.Channel;

    public async Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channel.Options.ReplyUrl))
            return SendOutcome.Permanent("no reply URL is configured (ChainBot:Channels:Generic:ReplyUrl)");
        var generic = new GenericReply(reply.ReplyId, reply.GroupId, reply.InReplyTo, reply.Mentions, reply.Text);
        byte[] body = generic.ToUtf8Json();
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Options.ReplyUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (channel.Webhook is { } webhook)
        {
            var headers = webhook.Sign(body);
            request.Headers.Add(GenericHeaders.Signature, headers.Signature);
            request.Headers.Add(GenericHeaders.Timestamp, headers.Timestamp);
        }
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
            return SendOutcome.Sent;
        string reason = $"HTTP {status}";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => SendOutcome.Transient(reason, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30)),
            HttpStatusCode.RequestTimeout => SendOutcome.Transient(reason),
            _ when status >= 500 => SendOutcome.Transient(reason),
            _ => SendOutcome.Permanent(reason),
        };
    }
}
