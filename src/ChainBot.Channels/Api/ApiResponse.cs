using System.Globalization;
using System.Text.Json;
using ChainBot.Channels.Json;

namespace ChainBot.Channels.Api;

/// <summary>
/// The JSON answer of a WeChat or WeCom API call: <c>{"errcode":0,"errmsg":"ok",…}</c>, with the members the bot uses
/// (an access token and its lifetime, WeCom's msgid and invaliduser). The HTTP status is 200 even on errors, so
/// <see cref="ErrCode"/> is what counts; an answer without errcode (the Official Account's token) is a success.
/// </summary>
/// <param name="ErrCode">The platform's error code; 0 for success.</param>
/// <param name="ErrMsg">The platform's message; null when absent.</param>
/// <remarks>Immutable. <see cref="ToString"/> masks the access token.</remarks>
public sealed record ApiResponse(int ErrCode, string? ErrMsg)
{
    /// <summary>The access token of a token response; null otherwise. A secret: never log it.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The token's lifetime in seconds (7200 today); null when absent.</summary>
    public int? ExpiresIn { get; init; }

    /// <summary>WeCom's id of a sent message; null when absent.</summary>
    public string? MsgId { get; init; }

    /// <summary>WeCom's <c>invaliduser</c> (recipients it could not reach, <c>|</c>-separated); null when absent.</summary>
    public string? InvalidUser { get; init; }

    /// <summary>True when the call succeeded (errcode 0).</summary>
    public bool IsOk => ErrCode == 0;

    /// <summary>
    /// Reads an API answer. Never throws: JSON that is malformed or not an object is
    /// <see cref="ChannelError.MalformedJson"/>, an errcode that is not an integer <see cref="ChannelError.BadField"/>.
    /// </summary>
    public static ChannelResult<ApiResponse> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ChannelResult<ApiResponse>.Failure(ChannelError.MalformedJson, "the answer is not a JSON object");
            if (reader.Read())
                return ChannelResult<ApiResponse>.Failure(ChannelError.MalformedJson, "more than one JSON value");

            int errcode = 0;
            if (root.TryGetProperty("errcode", out var code) && !TryGetInt(code, out errcode))
                return ChannelResult<ApiResponse>.Failure(ChannelError.BadField, "errcode is not an integer");
            int? expiresIn = root.TryGetProperty("expires_in", out var expires) && TryGetInt(expires, out int seconds) ? seconds : null;
            return ChannelResult<ApiResponse>.Success(new ApiResponse(errcode, JsonBody.GetString(root, "errmsg"))
            {
                AccessToken = JsonBody.GetString(root, "access_token"),
                ExpiresIn = expiresIn,
                MsgId = root.TryGetProperty("msgid", out var msgId) ? AsText(msgId) : null,
                InvalidUser = JsonBody.GetString(root, "invaliduser"),
            });
        }
        catch (JsonException e)
        {
            return ChannelResult<ApiResponse>.Failure(ChannelError.MalformedJson, $"the answer is not JSON ({e.Message})");
        }
    }

    /// <summary>
    /// The token of a successful token response (§1.4, §2.4), fetched at <paramref name="fetchedAt"/>; null when the
    /// response is an error or carries no token.
    /// </summary>
    public AccessToken? ToAccessToken(DateTimeOffset fetchedAt) =>
        IsOk && !string.IsNullOrEmpty(AccessToken)
            ? new AccessToken(AccessToken, fetchedAt.AddSeconds(ExpiresIn ?? Api.AccessToken.DefaultLifetimeSeconds))
            : null;

    /// <summary>The response with its token masked, for logs.</summary>
    public override string ToString() =>
        $"errcode {ErrCode.ToString(CultureInfo.InvariantCulture)} ({ErrMsg}){(AccessToken is null ? "" : ", access_token ***")}";

    private static bool TryGetInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value)
            || element.ValueKind == JsonValueKind.String && int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static string? AsText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };
}
