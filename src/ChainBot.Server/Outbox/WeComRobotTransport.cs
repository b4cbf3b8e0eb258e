using System.Collections.Concurrent;
using System.Text;
using System.Threading.RateLimiting;
using ChainBot.Channels.Api;
using ChainBot.Channels.WeCom;
using ChainBot.Server.Options;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Outbox;

/// <summary>
/// Posts replies to a WeCom group through its robot's webhook (wechat-protocol.md §3), route <c>wecom:{app}</c>,
/// @-mentioning the senders. A robot takes 20 messages a minute: beyond that a reply waits in the outbox until a
/// slot frees (never dropped), as it does after the platform's own 45009.
/// </summary>
internal sealed class WeComRobotTransport(IOptions<WeComOptions> options, IHttpClientFactory clients) : IReplyTransport, IDisposable
{
    /// <summary>The named HTTP client robots are called on.</summary>
    public const string ClientName = "wecom-robot";

    private readonly ConcurrentDictionary<string, RateLimiter> _limits = new(StringComparer.Ordinal);

    public string Channel => "wecom";

    public async Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken)
    {
        var route = reply.Channel.Split(':', 3);
        if (route.Length < 2 || !options.Value.Apps.TryGetValue(route[1], out var app) || string.IsNullOrEmpty(app.RobotKey))
            return SendOutcome.Permanent("no RobotKey is configured for this app");

        using var lease = Limiter(route[1]).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(3);
            return SendOutcome.Transient("robot rate limit (per minute)", wait);
        }

        string url = $"{options.Value.ApiBase.TrimEnd('/')}/cgi-bin/webhook/send?key={Uri.EscapeDataString(app.RobotKey)}";
        using var content = new StringContent(WeComRobot.TextBody(reply.Text, reply.Mentions.IsDefaultOrEmpty ? null : reply.Mentions), Encoding.UTF8, "application/json");
        using var response = await clients.CreateClient(ClientName).PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        return (await ApiOutcomes.ReadAsync(response, WeComErrorCodes.ClassifyRobot, cancellationToken).ConfigureAwait(false)).Outcome;
    }

    private RateLimiter Limiter(string app) => _limits.GetOrAdd(app, _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = options.Value.RobotMessagesPerMinute,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
    }));

    public void Dispose()
    {
        foreach (var limiter in _limits.Values)
            limiter.Dispose();
    }
}
