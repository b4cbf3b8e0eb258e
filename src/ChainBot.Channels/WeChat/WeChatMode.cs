namespace ChainBot.Channels.WeChat;

/// <summary>The Official Account's message encryption mode, as a request showed it (wechat-protocol.md §1.2).</summary>
public enum WeChatMode
{
    /// <summary>明文模式: plain XML, signed by <c>signature</c> only; the reply is plain.</summary>
    Plaintext = 0,

    /// <summary>兼容模式: plain fields and <c>Encrypt</c> side by side; the bot reads the encrypted copy and replies encrypted.</summary>
    Compatible,

    /// <summary>安全模式: only <c>ToUserName</c> and <c>Encrypt</c>; the reply must be encrypted.</summary>
    Safe,
}
