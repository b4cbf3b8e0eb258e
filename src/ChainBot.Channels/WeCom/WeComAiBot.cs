using System.Text;
using System.Text.Json;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Json;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// One WeCom AI bot in API mode (智能机器人, wechat-protocol.md §4): the URL check, reading a JSON callback
/// (<c>{"encrypt":"…"}</c>, receiveid = ""), and the encrypted JSON reply.
/// </summary>
/// <remarks>Immutable and thread-safe: create one per bot at start-up and share it. No I/O.</remarks>
public sealed class WeComAiBot
{
    private readonly MessageCrypto _crypto;
    private readonly string? _botName;
    private readonly bool _timestampAsString;
    private readonly TimeProvider _time;

    /// <summary>Creates the bot's protocol handler.</summary>
    /// <param name="settings">Token, EncodingAESKey and, optionally, the bot's name.</param>
    /// <param name="time">The clock for reply timestamps; null for the system clock.</param>
    /// <param name="random">The random prefix of encrypted replies; null for a cryptographic random.</param>
    /// <exception cref="ArgumentException">The token is empty, or the EncodingAESKey is not one.</exception>
    public WeComAiBot(WeComAiBotSettings settings, TimeProvider? time = null, RandomFill? random = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.Token, nameof(settings));
        ArgumentNullException.ThrowIfNull(settings.EncodingAesKey, nameof(settings));
        _crypto = new MessageCrypto(settings.Token, EncodingAesKey.Parse(settings.EncodingAesKey), receiveId: string.Empty, random);
        _botName = settings.BotName;
        _timestampAsString = settings.TimestampAsString;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The URL check (GET): checks the 4-part <c>msg_signature</c>, decrypts the echostr, and gives the plain message
    /// to write back as the whole 200 body (no quotes, BOM or newline) within one second.
    /// </summary>
    public ChannelResult<string> VerifyUrl(CallbackQuery query) => EchoStr.Verify(_crypto, query);

    /// <summary>
    /// Reads a callback (POST): <c>{"encrypt":"…"}</c>, verified, decrypted and read into an <see cref="AiBotMessage"/>.
    /// Never throws on the request's content.
    /// </summary>
    public ChannelResult<AiBotInbound> ReadCallback(CallbackQuery query, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MsgSignature is null || query.Timestamp is null || query.Nonce is null)
            return Fail(ChannelError.MissingParameter, "msg_signature, timestamp and nonce are required");
        // JSON between systems is UTF-8 (RFC 8259 §8.1); the reader checks only the strings it decodes, so invalid
        // bytes in a member it skips would otherwise be accepted.
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return Fail(ChannelError.BadEncoding, "the body is not UTF-8");

        string? encrypt;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Fail(ChannelError.MalformedJson, "the body is not a JSON object");
            encrypt = JsonBody.GetString(document.RootElement, "encrypt");
        }
        catch (JsonException)
        {
            return Fail(ChannelError.MalformedJson, "the body is not JSON");
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks a string's UTF-8 and escapes only when it is read: invalid bytes or a lone surrogate
            // escape (\ud800) in a member surface here, not in the parse.
            return Fail(ChannelError.MalformedJson, "the body has a string that is not valid UTF-8 or UTF-16");
        }
        if (string.IsNullOrEmpty(encrypt))
            return Fail(ChannelError.MissingField, "the body has no encrypt");

        var decrypted = _crypto.VerifyAndDecrypt(query.MsgSignature, query.Timestamp, query.Nonce, encrypt);
        if (!decrypted.IsSuccess)
            return Fail(WeComApp.ErrorOf(decrypted), decrypted.Reason);
        var message = ReadMessage(decrypted.Utf8);
        return message.IsSuccess
            ? ChannelResult<AiBotInbound>.Success(new AiBotInbound(message.Value, query.Nonce))
            : message.As<AiBotInbound>();
    }

    /// <summary>
    /// Encrypts a plaintext reply body (<see cref="AiBotReply"/>) into the HTTP answer to a callback:
    /// <c>{"encrypt":"…","msgsignature":"…","timestamp":1641002400,"nonce":"…"}</c>, with the callback's nonce and the
    /// timestamp as a number, as the documentation shows it (a string with <see cref="WeComAiBotSettings.TimestampAsString"/>).
    /// </summary>
    public string BuildReply(AiBotInbound inbound, string replyJson)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return BuildReply(inbound.Nonce, replyJson);
    }

    /// <summary>Encrypts a plaintext reply body with the given nonce (the callback's).</summary>
    public string BuildReply(string nonce, string replyJson)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(replyJson);
        long now = ChinaTime.UnixNow(_time);
        var sealedReply = _crypto.EncryptAndSign(replyJson, now.ToString(System.Globalization.CultureInfo.InvariantCulture), nonce);
        return JsonBody.Write((sealedReply, now, _timestampAsString), static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteString("encrypt", state.sealedReply.Encrypt);
            json.WriteString("msgsignature", state.sealedReply.Signature);
            if (state._timestampAsString)
                json.WriteString("timestamp", state.sealedReply.Timestamp);
            else
                json.WriteNumber("timestamp", state.now);
            json.WriteString("nonce", state.sealedReply.Nonce);
            json.WriteEndObject();
        });
    }

    /// <summary>Reads decrypted callback JSON.</summary>
    internal ChannelResult<AiBotMessage> ReadMessage(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ChannelResult<AiBotMessage>.Failure(ChannelError.MalformedJson, "the decrypted message is not a JSON object");
            return ReadMessage(root);
        }
        catch (JsonException)
        {
            return ChannelResult<AiBotMessage>.Failure(ChannelError.MalformedJson, "the decrypted message is not JSON");
        }
        catch (InvalidOperationException)
        {
            // As in the envelope: a string's bad UTF-8 or lone surrogate escape is found only when it is read.
            return ChannelResult<AiBotMessage>.Failure(ChannelError.MalformedJson, "the decrypted message has a string that is not valid UTF-8 or UTF-16");
        }
    }

    private ChannelResult<AiBotMessage> ReadMessage(JsonElement root)
    {
        string? msgId = JsonBody.GetString(root, "msgid");
        string? msgType = JsonBody.GetString(root, "msgtype");
        if (string.IsNullOrEmpty(msgId))
            return ChannelResult<AiBotMessage>.Failure(ChannelError.MissingField, "the message has no msgid");
        if (string.IsNullOrEmpty(msgType))
            return ChannelResult<AiBotMessage>.Failure(ChannelError.MissingField, "the message has no msgtype");
        string? userId = JsonBody.GetString(JsonBody.GetObject(root, "from"), "userid");
        if (string.IsNullOrEmpty(userId) && msgType is not ("event" or "stream"))
            return ChannelResult<AiBotMessage>.Failure(ChannelError.MissingField, "the message has no from.userid");

        long? createTime = null;
        if (root.TryGetProperty("create_time", out var created))
        {
            if (created.ValueKind != JsonValueKind.Number || !created.TryGetInt64(out long seconds) || !ChinaTime.TryFromUnixSeconds(seconds, out _))
                return ChannelResult<AiBotMessage>.Failure(ChannelError.BadField, "create_time is not Unix seconds");
            createTime = seconds;
        }

        string? text = msgType switch
        {
            "text" => JsonBody.GetString(JsonBody.GetObject(root, "text"), "content"),
            "voice" => JsonBody.GetString(JsonBody.GetObject(root, "voice"), "content"),
            "mixed" => MixedText(JsonBody.GetObject(root, "mixed")),
            _ => null,
        };
        if (text is not null)
            text = BotMention.Strip(text, _botName);

        return ChannelResult<AiBotMessage>.Success(new AiBotMessage(
            msgId,
            JsonBody.GetString(root, "aibotid"),
            NullIfEmpty(JsonBody.GetString(root, "chatid")),
            JsonBody.GetString(root, "chattype"),
            NullIfEmpty(userId),
            msgType,
            text,
            NullIfEmpty(JsonBody.GetString(root, "response_url")),
            NullIfEmpty(JsonBody.GetString(JsonBody.GetObject(root, "stream"), "id")),
            NullIfEmpty(JsonBody.GetString(JsonBody.GetObject(root, "event"), "eventtype")),
            createTime));
    }

    /// <summary>The text parts of a <c>mixed</c> message (<c>msg_item:[{msgtype:text,text:{content}}, {msgtype:image,…}]</c>), joined by line feeds.</summary>
    private static string? MixedText(JsonElement mixed)
    {
        if (mixed.ValueKind != JsonValueKind.Object || !mixed.TryGetProperty("msg_item", out var items) || items.ValueKind != JsonValueKind.Array)
            return null;
        var text = new StringBuilder();
        foreach (var item in items.EnumerateArray())
        {
            if (JsonBody.GetString(item, "msgtype") == "text" && JsonBody.GetString(JsonBody.GetObject(item, "text"), "content") is { } content)
                text.Append(text.Length == 0 ? "" : "\n").Append(content);
        }
        return text.Length == 0 ? null : text.ToString();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static ChannelResult<AiBotInbound> Fail(ChannelError error, string reason) => ChannelResult<AiBotInbound>.Failure(error, reason);
}
