namespace ChainBot.Channels.WeCom;

/// <summary>The encrypted <c>echostr</c> of a WeCom URL check, as the host's query decoding leaves it.</summary>
internal static class EchoStr
{
    /// <summary>
    /// Form decoding turns a raw <c>+</c> of the Base64 into a space; Base64 has no spaces, so each space is put back
    /// as <c>+</c> before the signature is checked (wechat-protocol.md §0, C# pitfalls) [Community].
    /// </summary>
    public static string Repair(string echoStr) => echoStr.Replace(' ', '+');
}
