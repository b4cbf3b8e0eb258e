using ChainBot.Channels.Json;
using ChainBot.Channels.Text;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// The group robot webhook (群机器人, wechat-protocol.md §3): <c>POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY</c>
/// with a UTF-8 JSON body. The key is the only credential: keep it out of logs.
/// </summary>
/// <remarks>Pure and thread-safe. Check the answer's errcode with <see cref="Api.ApiResponse.Parse"/> and <see cref="WeComErrorCodes.ClassifyRobot"/>: the HTTP status is 200 even on errors.</remarks>
public static class WeComRobot
{
    /// <summary>The endpoint, without the key; append <c>?key=</c> and the key (the key alone, not a whole URL).</summary>
    public const string Endpoint = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send";

    /// <summary>Mentions everyone in <c>mentioned_list</c> or <c>mentioned_mobile_list</c>.</summary>
    public const string MentionAll = "@all";

    /// <summary>
    /// A text body: <c>{"msgtype":"text","text":{"content":"…","mentioned_list":[…],"mentioned_mobile_list":[…]}}</c>;
    /// empty lists are left out. The content must fit <see cref="WeComLimits.RobotTextMaxBytes"/>: use
    /// <see cref="TextBodies"/> for text of any length.
    /// </summary>
    /// <exception cref="ArgumentException">The content is over the limit.</exception>
    public static string TextBody(string content, IReadOnlyList<string>? mentionedList = null, IReadOnlyList<string>? mentionedMobileList = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureFits(content, WeComLimits.RobotTextMaxBytes);
        return JsonBody.Write((content, mentionedList, mentionedMobileList), static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteString("msgtype", "text");
            json.WriteStartObject("text");
            json.WriteString("content", state.content);
            WriteList(json, "mentioned_list", state.mentionedList);
            WriteList(json, "mentioned_mobile_list", state.mentionedMobileList);
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// A markdown body: <c>{"msgtype":"markdown","markdown":{"content":"…"}}</c>. Markdown takes no mentioned_list;
    /// write <c>&lt;@userid&gt;</c> in the content. The content must fit <see cref="WeComLimits.RobotMarkdownMaxBytes"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The content is over the limit.</exception>
    public static string MarkdownBody(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureFits(content, WeComLimits.RobotMarkdownMaxBytes);
        return Markdown(content);
    }

    /// <summary>
    /// The text bodies of a reply of any length, split at line boundaries to <see cref="WeComLimits.RobotTextMaxBytes"/>.
    /// The mentions go with the first message only, so nobody is notified once per chunk.
    /// </summary>
    public static IReadOnlyList<string> TextBodies(string text, IReadOnlyList<string>? mentionedList = null, IReadOnlyList<string>? mentionedMobileList = null)
    {
        var chunks = ReplySplitter.Split(text, WeComLimits.RobotTextMaxBytes);
        var bodies = new string[chunks.Count];
        for (int i = 0; i < chunks.Count; i++)
            bodies[i] = i == 0 ? TextBody(chunks[i], mentionedList, mentionedMobileList) : TextBody(chunks[i]);
        return bodies;
    }

    /// <summary>The markdown bodies of a reply of any length, split at line boundaries to <see cref="WeComLimits.RobotMarkdownMaxBytes"/>.</summary>
    public static IReadOnlyList<string> MarkdownBodies(string text) =>
        [.. ReplySplitter.Split(text, WeComLimits.RobotMarkdownMaxBytes).Select(Markdown)];

    /// <summary><c>{"msgtype":"markdown","markdown":{"content":"…"}}</c>, also the AI bot's <c>response_url</c> body.</summary>
    internal static string Markdown(string content) => JsonBody.Write(content, static (json, content) =>
    {
        json.WriteStartObject();
        json.WriteString("msgtype", "markdown");
        json.WriteStartObject("markdown");
        json.WriteString("content", content);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteList(System.Text.Json.Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
            return;
        json.WriteStartArray(name);
        foreach (string value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void EnsureFits(string content, int maxBytes)
    {
        int bytes = ReplySplitter.Utf8Length(content);
        if (bytes > maxBytes)
            throw new ArgumentException($"The content is {bytes} UTF-8 bytes; the robot takes at most {maxBytes}. Split it first.", nameof(content));
    }
}
