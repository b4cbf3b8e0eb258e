using System.Diagnostics;
using System.Net;
using System.Text.Unicode;
using ChainBot.Channels.Generic;
using ChainBot.Server.Pipeline;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;

namespace ChainBot.Server.Endpoints;

/// <summary>
/// <c>POST /webhook/generic</c>: a bridge posts one transcript object (design.md, "Contracts"), signed with the
/// shared secret (<c>X-ChainBot-Signature</c>, <c>X-ChainBot-Timestamp</c>). Checked before anything is stored, then
/// stored before it is acknowledged: 200 once the message is on disk (or was already), 401 for a bad or missing
/// signature, 400 with the reason for a body that is not a message (not JSON, not UTF-8, no msgId…), 413 for one over
/// 64 KB.
/// </summary>
/// <remarks>With no secret configured (a fresh clone) only loopback callers are accepted, unsigned.</remarks>
internal static class GenericEndpoint
{
    /// <summary>The channel name messages from this endpoint are stored under.</summary>
    public const string Channel = "generic";

    public static IEndpointRouteBuilder MapGenericEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhook/generic", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        GenericChannel channel,
        IChainBotStore store,
        InboxSignal inbox,
        TimeProvider time,
        ChainBotMetrics metrics,
        ILogger<GenericChannel> logger,
        CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        if (!http.Request.HasJsonContentType())
            return Refuse(logger, StatusCodes.Status400BadRequest, "the body must be application/json");
        byte[] body = await CallbackResults.BodyAsync(http.Request, cancellationToken).ConfigureAwait(false);

        if (channel.Webhook is { } webhook)
        {
            var check = webhook.Verify(http.Request.Headers[GenericHeaders.Signature], http.Request.Headers[GenericHeaders.Timestamp], body);
            if (!check.IsValid)
                return Refuse(logger, StatusCodes.Status401Unauthorized, check.Reason ?? "bad signature");
        }
        else if (!AcceptsUnsigned(http.Connection.RemoteIpAddress))
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, "no secret is configured: only loopback callers are accepted");
        }
        // JSON between systems is UTF-8 (RFC 8259 §8.1); the reader checks only the strings it decodes, so invalid
        // bytes in a member it skips would otherwise be accepted.
        if (!Utf8.IsValid(body))
            return Refuse(logger, StatusCodes.Status400BadRequest, "the body is not valid UTF-8");
        var read = GenericWebhook.Read(body);
        if (!read.IsSuccess)
            return Refuse(logger, StatusCodes.Status400BadRequest, read.Reason ?? "not a message");

        AcceptResult accepted;
        using (ChainBotActivities.Accept(Channel))
            accepted = await store.AcceptAsync(new InboxMessage(Channel, read.Value!, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        metrics.Acknowledged(Channel, accepted.Duplicate, started);
        if (!accepted.Duplicate)
            inbox.Set();
        return TypedResults.Ok(new { status = accepted.Duplicate ? "duplicate" : "accepted", msgId = read.Value!.MsgId });
    }

    /// <summary>
    /// Whether an unsigned request is accepted, with no secret configured: only from this machine, a loopback address
    /// (IPv4, IPv6, or IPv4 mapped into IPv6 as a dual-mode socket reports it); never from an unknown address.
    /// </summary>
    internal static bool AcceptsUnsigned(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static IResult Refuse(ILogger logger, int status, string reason)
    {
        Log.Refused(logger, Channel, reason);
        return Results.Json(new { error = reason }, statusCode: status);
    }
}
