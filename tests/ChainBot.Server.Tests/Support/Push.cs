using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChainBot.Channels.Crypto;

namespace ChainBot.Server.Tests.Support;

/// <summary>
/// One request to a platform callback (<c>/webhook/wechat/…</c>, <c>/webhook/wecom/…</c>) as the test builds it: the
/// path and query, the body's bytes exactly, and the declared content type (null: none).
/// </summary>
public sealed record Push(string Url, byte[] Body, string? ContentType)
{
    /// <summary>Unix seconds, <paramref name="minutes"/> from now.</summary>
    public static string Timestamp(int minutes = 0) =>
        DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary><paramref name="text"/> as UTF-8, with <paramref name="bad"/> bytes spliced in where <paramref name="marker"/> was.</summary>
    public static byte[] Splice(string text, string marker, params byte[] bad)
    {
        byte[] bytes = Utf8(text);
        byte[] at = Utf8(marker);
        int index = bytes.AsSpan().IndexOf(at);
        return [.. bytes[..index], .. bad, .. bytes[(index + at.Length)..]];
    }

    /// <summary>A message encrypted as the platform does, its bytes as they are (bad UTF-8 included), and signed.</summary>
    public static (string Encrypt, string Signature) Seal(MessageCrypto crypto, byte[] message, string timestamp, string nonce)
    {
        string encrypt = crypto.Encrypt(message);
        return (encrypt, crypto.Sign(timestamp, nonce, encrypt));
    }

    /// <summary>JSON nested <paramref name="depth"/> arrays deep, as the value of <paramref name="member"/> in an object.</summary>
    public static string Nested(string member, int depth) =>
        "{\"" + member + "\":" + new string('[', depth) + new string(']', depth) + "}";

    internal async Task<HttpResponseMessage> SendAsync(BotHost bot)
    {
        using var content = new ByteArrayContent(Body);
        if (ContentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return await bot.Client.PostAsync(Url, content);
    }

    public override string ToString() => $"POST {Url} ({Body.Length} bytes, {ContentType ?? "no content type"})";
}
