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
