using ChainBot.Channels.Json;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// An app's active message (wechat-protocol.md §2.4), for answers that miss the 5-second passive window:
/// <c>POST https://qyapi.weixin.qq.com/cgi-bin/message/send?access_token=TOKEN</c>.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class WeComAppMessage
{
    /// <summary>The endpoint, without the token; append <c>?access_token=</c> and the token.</summary>
    public const string Endpoint = "https://qyapi.weixin.qq.com/cgi-bin/message/send";

    /// <summary>The JSON body of a text message: <c>{"touser":"u1|u2","msgtype":"text","agentid":1000002,"text":{"content":"…"}}</c>.</summary>
    /// <param name="toUser">The recipients' UserIDs, joined with <c>|</c>.</param>
    /// <param name="agentId">The app's AgentID.</param>
    /// <param name="content">The text, at most <see cref="WeComLimits.AppTextMaxBytes"/> UTF-8 bytes.</param>
    public static string TextBody(string toUser, int agentId, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(toUser);
        ArgumentNullException.ThrowIfNull(content);
        return JsonBody.Write((toUser, agentId, content), static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteString("touser", state.toUser);
            json.WriteString("msgtype", "text");
            json.WriteNumber("agentid", state.agentId);
            json.WriteStartObject("text");
            json.WriteString("content", state.content);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
