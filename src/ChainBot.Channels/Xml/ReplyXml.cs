using System.Globalization;
using System.Text;
using ChainBot.Channels.Crypto;

namespace ChainBot.Channels.Xml;

/// <summary>
/// The reply XML of the Official Account and the WeCom app (wechat-protocol.md §1.3, §2.3), written on one line in
/// the platforms' own layout: strings in CDATA, numbers bare.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class ReplyXml
{
    /// <summary>
    /// A passive text reply: <c>&lt;xml&gt;&lt;ToUserName&gt;…&lt;/ToUserName&gt;&lt;FromUserName&gt;…&lt;/FromUserName&gt;&lt;CreateTime&gt;…&lt;/CreateTime&gt;&lt;MsgType&gt;text&lt;/MsgType&gt;&lt;Content&gt;…&lt;/Content&gt;&lt;/xml&gt;</c>.
    /// </summary>
    public static string Text(string toUser, string fromUser, long createTime, string content)
    {
        var xml = new StringBuilder(128 + content.Length);
        xml.Append("<xml>");
        Cdata(xml, "ToUserName", toUser);
        Cdata(xml, "FromUserName", fromUser);
        Number(xml, "CreateTime", createTime);
        Cdata(xml, "MsgType", "text");
        Cdata(xml, "Content", content);
        return xml.Append("</xml>").ToString();
    }

    /// <summary>The safe-mode wrapper: <c>Encrypt</c>, <c>MsgSignature</c>, <c>TimeStamp</c>, <c>Nonce</c>.</summary>
    public static string Encrypted(EncryptedMessage message)
    {
        var xml = new StringBuilder(256 + message.Encrypt.Length);
        xml.Append("<xml>");
        Cdata(xml, "Encrypt", message.Encrypt);
        Cdata(xml, "MsgSignature", message.Signature);
        xml.Append("<TimeStamp>").Append(message.Timestamp).Append("</TimeStamp>");
        Cdata(xml, "Nonce", message.Nonce);
        return xml.Append("</xml>").ToString();
    }

    private static void Number(StringBuilder xml, string name, long value) =>
        xml.Append('<').Append(name).Append('>').Append(value.ToString(CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');

    private static void Cdata(StringBuilder xml, string name, string value)
    {
        xml.Append('<').Append(name).Append("><![CDATA[");
        AppendCdataText(xml, value);
        xml.Append("]]></").Append(name).Append('>');
    }

    /// <summary>
    /// CDATA cannot contain <c>]]&gt;</c>: it is split across two sections (<c>]]]]&gt;&lt;![CDATA[&gt;</c>). Characters
    /// XML 1.0 forbids anywhere (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF) are dropped, since
    /// one of them would make WeChat reject the whole reply.
    /// </summary>
    internal static void AppendCdataText(StringBuilder xml, string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == ']' && i + 2 < value.Length && value[i + 1] == ']' && value[i + 2] == '>')
            {
                xml.Append("]]]]><![CDATA[>");
                i += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                xml.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (IsXmlChar(c))
            {
                xml.Append(c);
            }
        }
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
