using ChainBot.Channels.Json;

namespace ChainBot.Channels.WeChat;

/// <summary>
/// The customer-service message (客服消息) that carries an answer after the 5-second window (wechat-protocol.md §1.5):
/// <c>POST https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=TOKEN</c>.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class CustomerServiceMessage
{
    /// <summary>The endpoint, without the token; append <c>?access_token=</c> and the token.</summary>
    public const string Endpoint = "https://api.weixin.qq.com/cgi-bin/message/custom/send";

    /// <summary>
    /// The JSON body of a text message, <c>{"touser":"OPENID","msgtype":"text","text":{"content":"…"}}</c>. Send it
    /// as UTF-8 (errcode 44004 is the usual symptom of any other encoding).
    /// </summary>
    public static string TextBody(string openId, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentNullException.ThrowIfNull(content);
        return JsonBody.Write((openId, content), static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteString("touser", state.openId);
            json.WriteString("msgtype", "text");
            json.WriteStartObject("text");
            json.WriteString("content", state.content);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }
}
