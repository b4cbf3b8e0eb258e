using ChainBot.Channels.Json;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// The plaintext bodies an AI bot answers with (wechat-protocol.md §4), before <see cref="WeComAiBot.BuildReply(AiBotInbound, string)"/>
/// encrypts them; and the markdown body of an answer posted to <c>response_url</c>, which is sent unencrypted.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class AiBotReply
{
    /// <summary>
    /// A stream reply: <c>{"msgtype":"stream","stream":{"id":"…","finish":false,"content":"…"}}</c>. The id is the
    /// bot's own choice, the same on every refresh; the content replaces what was shown before (send the whole text
    /// each time), Markdown, at most <see cref="WeComLimits.AiBotContentMaxBytes"/> UTF-8 bytes; <paramref name="finish"/>
    /// ends the stream and the polls.
    /// </summary>
    public static string Stream(string id, string content, bool finish)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(content);
        return JsonBody.Write((id, content, finish), static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteString("msgtype", "stream");
            json.WriteStartObject("stream");
            json.WriteString("id", state.id);
            json.WriteBoolean("finish", state.finish);
            json.WriteString("content", state.content);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>A text reply, <c>{"msgtype":"text","text":{"content":"…"}}</c>: the welcome answer to <c>enter_chat</c>.</summary>
    public static string Text(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return JsonBody.Write(content, static (json, content) =>
        {
            json.WriteStartObject();
            json.WriteString("msgtype", "text");
            json.WriteStartObject("text");
            json.WriteString("content", content);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The body posted (unencrypted) to a message's <c>response_url</c>: <c>{"msgtype":"markdown","markdown":{"content":"…"}}</c>,
    /// at most <see cref="WeComLimits.AiBotContentMaxBytes"/> UTF-8 bytes. It posts a new message; it does not edit the stream.
    /// </summary>
    public static string Markdown(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WeComRobot.Markdown(content);
    }
}
