using System.Globalization;
using ChainBot.Channels;

namespace ChainBot.Server.Endpoints;

/// <summary>How a channel's refusal becomes an HTTP answer: 401 for who sent it, 400 for what was sent.</summary>
internal static class CallbackResults
{
    public static int StatusOf(ChannelError error) => error switch
    {
        ChannelError.BadSignature or ChannelError.StaleTimestamp => StatusCodes.Status401Unauthorized,
        ChannelError.NotConfigured => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    public static IResult Refuse(ILogger logger, string channel, ChannelError error, string? reason)
    {
        Log.Refused(logger, channel, reason ?? error.ToString());
        return Results.Text(reason ?? error.ToString(), statusCode: StatusOf(error));
    }

    /// <summary>
    /// How far a push's signed timestamp may be from the server's clock, either way. WeChat and WeCom sign the
    /// timestamp with the nonce (wechat-protocol.md §1.4, step 7: "optionally reject stale timestamp") but define no
    /// replay window for nonces; within this window a replayed push is deduplicated on its MsgId, outside it refused.
    /// The generic webhook's window (<see cref="ChainBot.Channels.Generic.GenericWebhook.DefaultMaxSkew"/>) is the same.
    /// </summary>
    public static readonly TimeSpan MaxTimestampSkew = ChainBot.Channels.Generic.GenericWebhook.DefaultMaxSkew;

    /// <summary>
    /// A push whose signed timestamp is not Unix seconds within <see cref="MaxTimestampSkew"/> of now is refused (401);
    /// null when it is fresh, or absent (the channel's reader refuses a missing one with its own reason).
    /// </summary>
    public static IResult? RefuseStale(ILogger logger, string channel, CallbackQuery query, TimeProvider time)
    {
        if (query.Timestamp is null)
            return null;
        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            return Refuse(logger, channel, ChannelError.StaleTimestamp, "the timestamp is not Unix seconds");
        long skew = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        long max = (long)MaxTimestampSkew.TotalSeconds;
        return skew > max ? Refuse(logger, channel, ChannelError.StaleTimestamp, $"the timestamp is {skew} s old; at most {max} s is accepted")
            : skew < -max ? Refuse(logger, channel, ChannelError.StaleTimestamp, $"the timestamp is {-skew} s in the future; at most {max} s is accepted")
            : null;
    }

    /// <summary>
    /// A push whose body is declared as something other than the channel's format (XML, or JSON for an intelligent
    /// robot) is refused (400) before it is read; null when it matches or no content type is given, as some proxies drop it.
    /// </summary>
    public static IResult? RefuseContentType(ILogger logger, string channel, HttpRequest request, bool json)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            return null;
        if (json ? request.HasJsonContentType() : IsXml(request.ContentType))
            return null;
        return Refuse(logger, channel, ChannelError.BadParameter, json ? "the body must be application/json" : "the body must be XML (text/xml)");
    }

    private static bool IsXml(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("text/xml", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The query of a callback, URL-decoded.</summary>
    public static CallbackQuery Query(HttpRequest request) => CallbackQuery.From(name => request.Query[name].FirstOrDefault());

    /// <summary>A request's body, whole (Kestrel refuses one over the limit with 413 before it is read).</summary>
    public static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= Extensions.MaxRequestBytes ? (int)request.ContentLength : 4096);
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
